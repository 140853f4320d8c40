import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ spec: m[2], typeOnly: Boolean(m[1]) }));
}

const rel = (f: string): string => relative(ROOT, f);

describe('architecture boundaries', () => {
  it('extension/src/core never imports vscode or ssh2', () => {
    const bad = sources(join(ROOT, 'extension/src/core')).flatMap((f) => imports(f).filter((i) => /^(vscode|ssh2)$/.test(i.spec)).map((i) => `${rel(f)} → ${i.spec}`));
    assert.deepEqual(bad, []);
  });

  it('only the SSH transport imports ssh2', () => {
    const users = sources(join(ROOT, 'extension/src')).filter((f) => imports(f).some((i) => i.spec === 'ssh2')).map(rel);
    assert.deepEqual(users, ['extension/src/ssh/ssh-transport.ts']);
  });

  it('the agent imports only node:*, its own files, and types generated from the schemas', () => {
    const bad = sources(join(ROOT, 'agent/src')).flatMap((f) => imports(f).filter((i) => {
      if (i.spec.startsWith('node:')) return false;
      if (i.spec.includes('/schemas/generated/')) return !i.typeOnly;
      return !i.spec.startsWith('./') && !i.spec.startsWith('../');
    }).map((i) => `${rel(f)} → ${i.spec}`));
    assert.deepEqual(bad, []);
  });

  it('the bundled agent requires nothing but Node built-ins', () => {
    const code = readFileSync(join(ROOT, 'dist/agent.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'));
    const builtins = new Set(require('node:module').builtinModules as string[]);
    assert.deepEqual(required.filter((m) => !builtins.has(m)), []);
  });

  it('only extension.ts is a composition root (features are registered from it alone)', () => {
    const callers = sources(join(ROOT, 'extension/src')).filter((f) => /register(Tree|Testing|Diagnostics|Commands)\(context, services\)/.test(readFileSync(f, 'utf8'))).map(rel);
    assert.deepEqual(callers, ['extension/src/extension.ts']);
  });
});

describe('manifest and localisation', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('targets VS Code 1.100 (code-server 4.100.3) and runs on the workspace side', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '~1.100.0');
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.bin['tssr-lab'], './dist/cli.js');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('every %key% of the manifest exists in French and English', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const file of ['package.nls.json', 'package.nls.fr.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], file);
    }
  });

  it('the editor words its runtime text from the catalogue, in the one language of Services.lang(), never vscode.l10n', () => {
    const used = sources(join(ROOT, 'extension/src')).filter((f) => /\bl10n\.t\(/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(used, []);
    assert.equal(pkg.l10n, undefined);
  });

  it('the running command is disabled in untrusted workspaces', () => {
    const verify = pkg.contributes.commands.find((c: { command: string }) => c.command === 'tssrLab.verify');
    assert.equal(verify.enablement, 'isWorkspaceTrusted');
  });
});
