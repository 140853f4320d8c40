import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exercise } from '../../schemas/generated/types';
import { buildRequest, workspaceFilesFor } from '../../extension/src/core/request';
import { validate, validator } from '../../extension/src/core/schemas';
import { locateErrors } from '../../extension/src/core/schema-errors';
import { YamlSource } from '../../extension/src/core/positions';
import { CLI, PACK, ROOT } from '../helpers/paths';

/** Runs the bundled CLI with a hook that prints, at exit, which of dist/'s lazily loaded files were loaded. */
function loadedVendors(args: string[], env: NodeJS.ProcessEnv = {}): { loaded: string[]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-startup-'));
  const hook = join(dir, 'hook.js');
  writeFileSync(
    hook,
    "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache).filter((f) => /vendor-/.test(f)).map((f) => f.replace(/.*\\//, ''))) + '\\n'));",
  );
  const r = spawnSync(process.execPath, ['-r', hook, CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  const line = /LOADED (.*)/.exec(r.stderr);
  assert.ok(line, r.stderr);
  return { loaded: JSON.parse(line[1]), stderr: r.stderr };
}

const criterion = (id: string, checks: unknown[]) => ({ id, title: id, referentiel: 'CP11.3', points: 1, hint: 'h', checks });
const exercise = {
  id: 'ex',
  title: 'Ex',
  competences: ['CP11'],
  solution: { apply: 's.sh' },
  workspaceFiles: ['a.sh', 'conf/b.conf', 'c.txt'],
  criteria: [
    criterion('fichier', [{ type: 'file', path: 'conf', exists: true }]),
    criterion('commande', [{ type: 'command', exec: ['bash', 'a.sh'] }]),
    criterion('lint', [{ type: 'lint', files: ['a.sh'] }]),
    criterion('systeme', [{ type: 'file', path: '/etc/passwd' }]),
  ],
} as unknown as Exercise;

describe('start-up: build-time validators and lazy loading', () => {
  it('serves the schemas and the agent events from build-time code, and refuses an unknown ref', () => {
    for (const ref of ['pack.schema.json', 'exercise.schema.json', 'report.schema.json', 'protocol.schema.json#/$defs/AgentEvent'])
      assert.equal(typeof validator(ref), 'function');
    assert.throws(() => validator('nope.schema.json'), /unknown schema nope\.schema\.json/);
  });

  it('keeps ajv-i18n French messages on build-time validators', () => {
    const text = 'id: 3\n';
    const errors = locateErrors(validate('pack.schema.json', { id: 3 }), new YamlSource(text), 'fr');
    assert.ok(
      errors.some((e) => /doit être de type string|doit avoir la propriété requise/.test(e.message)),
      JSON.stringify(errors),
    );
  });

  const cases: Array<[string, string[] | undefined, string[]]> = [
    ['every critère: every file', undefined, ['a.sh', 'conf/b.conf', 'c.txt']],
    ['a file check on a folder: the files under it', ['fichier'], ['conf/b.conf']],
    ['a command check: every file', ['commande'], ['a.sh', 'conf/b.conf', 'c.txt']],
    ['a lint check only: no file for the agent', ['lint'], []],
    ['an absolute path: no workspace file', ['systeme'], []],
  ];
  for (const [name, only, files] of cases) {
    it(`--only prepares only what the selected critères use: ${name}`, () => {
      const criteria = exercise.criteria.filter((c) => !only || only.includes(c.id));
      assert.deepEqual(workspaceFilesFor(exercise, criteria), files);
    });
  }

  it('--only leaves the other critères out of the request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-only-'));
    writeFileSync(join(dir, 'c.txt'), 'x');
    const req = buildRequest({ ...exercise, workspaceFiles: ['c.txt'] }, dir, { lang: 'fr', only: ['systeme'] });
    assert.deepEqual(
      req.criteria.map((c) => c.id),
      ['systeme'],
    );
    assert.deepEqual(req.workspace, []);
  });

  it('a local check without a lint check loads neither ssh2 nor the lint engine; one with a lint check loads the engine', () => {
    assert.deepEqual(loadedVendors(['check', join(PACK, 'ssh-durcissement')]).loaded, []);
    assert.deepEqual(loadedVendors(['check', join(PACK, 'script-sauvegarde'), '--solution', '--only', 'qualite']).loaded, ['vendor-web-tree-sitter.js']);
  });

  it("TSSR_LAB_TIMINGS=1 prints the phases of a check on stderr; the second run loads the CLI from V8's code cache", () => {
    const env = { TSSR_LAB_TIMINGS: '1', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'tssr-cache-')) };
    const args = ['check', join(PACK, 'ssh-durcissement'), '--only', 'service-ssh'];
    const first = loadedVendors(args, env).stderr;
    assert.match(
      first,
      /tssr-lab timings \(ms\): node=[\d.]+ bundle=[\d.]+ load=[\d.]+ prepare=[\d.]+ agent=[\d.]+ report=[\d.]+ total=[\d.]+ checks=[\d.]+ overhead=[\d.]+ codeCache=miss/,
    );
    // One cache for the CLI's bundle, one for the agent bundle its worker runs.
    assert.deepEqual(
      readdirSync(join(env.XDG_CACHE_HOME, 'tssr-lab'))
        .filter((f) => f.endsWith('.v8'))
        .map((f) => f.replace(/[0-9a-f]{8,}/, 'H'))
        .sort(),
      ['agent-worker-H.v8', 'cli-H-check.v8'],
    );
    assert.match(loadedVendors(args, env).stderr, /codeCache=hit/);
    // Each command has its own slot: another command's first run neither uses nor replaces the check's.
    assert.match(loadedVendors(['validate', join(PACK, 'ssh-durcissement')], env).stderr, /codeCache=miss/);
    assert.match(loadedVendors(args, env).stderr, /codeCache=hit/);
    assert.match(loadedVendors(args, { ...env, TSSR_LAB_NO_CODE_CACHE: '1' }).stderr, /codeCache=off/);
  });

  it('the CLI bundle is ASCII, so its launcher reads it without decoding UTF-8', () => {
    const bytes = readFileSync(join(ROOT, 'dist', 'cli-main.js'));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `non-ASCII byte in dist/cli-main.js: …${bytes.subarray(Math.max(0, at - 60), at + 20).toString('utf8')}… (write it as \\u escapes)`);
  });

  it('a check that lints a script (V8 flags changed for the grammars) writes a cache the next run accepts', () => {
    const env = { TSSR_LAB_TIMINGS: '1', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'tssr-cache-')) };
    const args = ['check', join(PACK, 'script-sauvegarde'), '--solution', '--only', 'qualite'];
    assert.match(loadedVendors(args, env).stderr, /codeCache=miss/);
    assert.match(loadedVendors(args, env).stderr, /codeCache=hit/);
  });
});
