import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSshd, type Sshd } from '../helpers/sshd';
import { CLI } from '../helpers/paths';

/** Runs the built CLI with stdin closed (not a terminal); never rejects. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => {
      stdout += d;
    });
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** An exercise whose setup is `setup`. */
function exercise(setup: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-start-ssh-'));
  writeFileSync(
    join(dir, 'exercise.yaml'),
    JSON.stringify({
      id: 'distant',
      title: 'Distant',
      competences: ['CCS1'],
      setup: 'depart.sh',
      solution: { apply: 'depart.sh' },
      criteria: [{ id: 'c', title: 'c', referentiel: 'CCS1.1', points: 1, hint: 'h', checks: [{ type: 'file', path: '/etc/passwd' }] }],
    }),
  );
  writeFileSync(join(dir, 'enonce.md'), '# Distant\n');
  writeFileSync(join(dir, 'depart.sh'), setup);
  return dir;
}

describe('tssr-lab start over SSH (real sshd on 127.0.0.1)', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  const target = (): string[] => ['--target', `ssh://root@127.0.0.1:${sshd.port}`, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts];
  before(async () => {
    sshd = await startSshd();
  });
  after(() => sshd?.stop());

  it('runs the setup as root on the target with --yes, streaming its output, and says how to check (exit 0)', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'tssr-start-ssh-m-')), 'fait');
    const r = await cli(['start', exercise(`# Dépose le témoin.\nid -un > '${marker}'\necho "sur la cible"\n`), ...target(), '--yes']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(marker, 'utf8'), 'root\n');
    assert.match(
      r.stdout,
      /# Dépose le témoin\.[\s\S]*sur la cible\nExercice distant prêt sur ssh:\/\/root@127\.0\.0\.1:\d+ .*tssr-lab check .* --target ssh:/,
    );
  });

  it('a setup failing on the target exits 3 with its stderr and the sentence in English', async () => {
    const r = await cli(['--lang', 'en', 'start', exercise('echo "no such service" >&2\nexit 5\n'), ...target(), '--yes']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no such service[\s\S]*failed on ssh:\/\/root@127\.0\.0\.1:\d+ \(code 5\)/);
  });

  it('keeps the host-key rules: an unknown host is refused before anything runs (exit 3)', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'tssr-start-ssh-m-')), 'fait');
    const empty = join(sshd.dir, 'known_hosts.empty');
    writeFileSync(empty, '');
    const r = await cli([
      'start',
      exercise(`touch '${marker}'\n`),
      '--target',
      `ssh://root@127.0.0.1:${sshd.port}`,
      '-i',
      sshd.clientKey,
      '--known-hosts',
      empty,
      '--yes',
    ]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Clé d’hôte inconnue/);
    assert.equal(existsSync(marker), false);
  });
});
