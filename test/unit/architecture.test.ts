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

const rel = (f: string): string => relative(ROOT, f);

/** Boundary-rule messages for `code` as if it sat at `file` (type-aware rules off: the file exists nowhere). */
async function lintImports(file: string, code: string): Promise<string[]> {
  const { ESLint } = require('eslint') as typeof import('eslint');
  const { configs } = require('typescript-eslint') as typeof import('typescript-eslint');
  const eslint = new ESLint({ cwd: ROOT, overrideConfig: configs.disableTypeChecked });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  const boundaries = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
  return result.messages.filter((m) => m.fatal || boundaries.includes(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture boundaries', () => {
  // The boundaries are ESLint rules (eslint.config.mjs), run on the tree by the test command's style step.
  // These cases prove the rules reject each kind of crossing, and let the allowed imports through.
  const cases: Array<[file: string, code: string, rejected: boolean]> = [
    ['extension/src/core/x.ts', "import * as vscode from 'vscode';", true],
    ['extension/src/core/x.ts', "import { Client } from 'ssh2';", true],
    ['extension/src/features/x.ts', "import { Client } from 'ssh2';", true],
    ['extension/src/features/x.ts', "import * as vscode from 'vscode';", false],
    ['extension/src/ssh/ssh-transport.ts', "import { Client } from 'ssh2';", false],
    ['agent/src/x.ts', "import YAML from 'yaml';", true],
    ['agent/src/x.ts', "import { PackError } from '../../extension/src/core/errors';", true],
    ['agent/src/checks/x.ts', "import { PackError } from '../../../extension/src/core/errors';", true],
    ['agent/src/checks/x.ts', "import { Check } from '../../../schemas/generated/types';", true],
    ['agent/src/x.ts', "const m = require('yaml');", true],
    ['agent/src/checks/x.ts', "import type { Check } from '../../../schemas/generated/types';", false],
    ['agent/src/x.ts', "import { PROTOCOL_MAJOR } from '../../schemas/generated/protocol-version';", false],
    ['agent/src/system/x.ts', "import { spawn } from 'node:child_process';\nimport { because } from '../reason';", false],
  ];
  for (const [file, code, rejected] of cases) {
    it(`${file}: ${code.split('\n')[0]} is ${rejected ? 'rejected' : 'allowed'}`, async () => {
      const messages = await lintImports(file, code);
      assert.equal(messages.length > 0, rejected, messages.join('\n'));
    });
  }

  it('the bundled agent requires nothing but Node built-ins', () => {
    const code = readFileSync(join(ROOT, 'dist/agent.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'));
    const builtins = new Set(require('node:module').builtinModules as string[]);
    assert.deepEqual(
      required.filter((m) => !builtins.has(m)),
      [],
    );
  });

  it('only extension.ts is a composition root (features are registered from it alone)', () => {
    const callers = sources(join(ROOT, 'extension/src'))
      .filter((f) => /register(Tree|Testing|Diagnostics|Commands)\(context, services\)/.test(readFileSync(f, 'utf8')))
      .map(rel);
    assert.deepEqual(callers, ['extension/src/extension.ts']);
  });
});

describe('manifest and localisation', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('targets VS Code 1.100 (code-server 4.100.3) and runs on the workspace side', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '~1.100.0');
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.bin['tssr-lab'], './bin/tssr-lab');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('every %key% of the manifest exists in French and English', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const file of ['package.nls.json', 'package.nls.fr.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(
        keys.filter((k) => !(k in nls)),
        [],
        file,
      );
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
