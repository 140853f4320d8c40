import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, PACK } from '../helpers/paths';

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 120_000 });

/**
 * `tssr-lab pack test` where no container is needed: a files-only solution (a script checked in the workspace) is proven
 * on this machine like `check --solution`, with no root. Root exercises are proven in test/container/pack-test.test.ts.
 */
describe('pack test: files-only exercises and refusals, without containers', function () {
  this.timeout(120_000);

  it('proves script-sauvegarde on this machine: the starter fails every critère, the solution passes them all (exit 0)', () => {
    const r = run(['pack', 'test', PACK, '--exercise', 'script-sauvegarde']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^script-sauvegarde +0\/6 réussis +6\/6 réussis +— +— +\d+\.\d s +— +\d+\.\d s +PROUVÉ$/m);
    assert.match(r.stdout, /Prouvés sur cette machine comme check --solution.*: script-sauvegarde/);
    assert.match(r.stdout, /1\/1 exercice\(s\) prouvé\(s\)/);
  });

  it('fails (exit 1) when the reference solution is the starter, naming the critères', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tssr-packtest-')), 'script-sauvegarde');
    cpSync(join(PACK, 'script-sauvegarde'), dir, { recursive: true });
    copyFileSync(join(dir, 'sauvegarde.sh'), join(dir, 'solution', 'sauvegarde.sh'));
    const r = run(['--lang', 'en', 'pack', 'test', dir]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^script-sauvegarde +0\/6 passed +0\/6 passed .* FAILED$/m);
    assert.match(r.stdout, /! script-sauvegarde: critère en-tete does not pass with the solution \(FAILED\)/);
  });

  it('an unknown --exercise is a usage error listing the pack’s exercises (exit 2)', () => {
    const r = run(['pack', 'test', PACK, '--exercise', 'dns-zone']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Exercice inconnu dans --exercise : dns-zone\. Exercices de ce pack : script-sauvegarde, ssh-durcissement, rsyslog-reception/);
  });

  it('root exercises without root or without the container tools: says which and how to get them (exit 3)', () => {
    // An empty PATH hides systemd-nspawn and debootstrap from a root run; another user is told to use sudo first.
    const r = run(['pack', 'test', PACK], { ...process.env, PATH: mkdtempSync(join(tmpdir(), 'tssr-nopath-')) });
    assert.equal(r.status, 3, r.stdout + r.stderr);
    if (process.getuid?.() === 0)
      assert.match(r.stderr, /Il manque systemd-nspawn, debootstrap.*: installez-les avec sudo apt-get install -y systemd-container debootstrap/);
    else assert.match(r.stderr, /doit tourner en root\. Relancez avec sudo/);
  });
});
