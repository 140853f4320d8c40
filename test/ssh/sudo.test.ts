import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportError } from '../../extension/src/core/errors';
import { runExercise } from '../../extension/src/core/run';
import { SshTransport, type SshOptions } from '../../extension/src/ssh/ssh-transport';
import type { Exercise } from '../../schemas/generated/types';
import { startSshd, type Sshd } from '../helpers/sshd';
import { AGENT, CLI, PACK } from '../helpers/paths';

/** One critère whose command prints the name of the agent's parent process: `sudo` when --sudo took effect. */
const exercise: Exercise = {
  id: 'sudo-demo',
  title: 'Sudo',
  competences: ['CP9'],
  solution: { apply: 'x.sh' },
  criteria: [
    {
      id: 'parent',
      title: 'Parent',
      referentiel: 'CP9.1',
      points: 1,
      hint: 'h',
      checks: [{ type: 'command', exec: ['sh', '-c', 'cat /proc/$(ps -o ppid= -p $PPID | tr -d " ")/comm; id -u'], stdout: ['sudo', '0'] }],
    },
  ],
};

const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { encoding: 'utf8' }).status === 0;

describe('--sudo on an SSH target', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  // A PATH holding node only: whatever this machine has, the target has no sudo.
  const bin = mkdtempSync(join(tmpdir(), 'tssr-nosudo-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const agentSource = readFileSync(AGENT, 'utf8') + `\n// sudo test nonce ${randomUUID()}\n`;
  const uploaded = new Set<string>();
  const options = (o: Partial<SshOptions> = {}): SshOptions => ({
    host: '127.0.0.1',
    port: sshd.port,
    user: 'root',
    identityFile: sshd.clientKey,
    knownHostsFile: sshd.knownHosts,
    agentSource,
    sudo: true,
    log: (l) => {
      const m = /^agent uploaded: (.*)$/.exec(l);
      if (m) uploaded.add(m[1]);
    },
    ...o,
  });

  before(async () => {
    sshd = await startSshd([`SetEnv PATH=${bin}`]);
  });
  after(() => {
    sshd?.stop();
    rmSync(bin, { recursive: true, force: true });
    for (const f of uploaded) rmSync(f, { force: true });
  });

  it('a target without sudo: a transport error that says to install it or run as root', async () => {
    const t = new SshTransport(options());
    await assert.rejects(runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' }), (e: TransportError) => {
      assert.equal(e.code, 'SUDO_MISSING');
      assert.match(e.message, /sudo n’est pas installé sur ssh:\/\/root@127\.0\.0\.1:\d+ : installez-le \(apt install sudo\)/);
      return true;
    });
    await t.dispose();
  });

  it('the CLI exits 3 with that error; --sudo on a local target is a usage error (exit 2)', () => {
    const ssh = spawnSync(
      process.execPath,
      [
        CLI,
        'check',
        `${PACK}/script-sauvegarde`,
        '--sudo',
        '--target',
        `ssh://root@127.0.0.1:${sshd.port}`,
        '-i',
        sshd.clientKey,
        '--known-hosts',
        sshd.knownHosts,
        '--lang',
        'en',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(ssh.status, 3, ssh.stderr);
    assert.match(ssh.stderr, /sudo is not installed/);
    const local = spawnSync(process.execPath, [CLI, 'check', `${PACK}/script-sauvegarde`, '--sudo'], { encoding: 'utf8' });
    assert.equal(local.status, 2);
    assert.match(local.stderr, /--sudo vaut pour une cible SSH/);
  });

  it('with sudo on the target, the agent runs under sudo -n as root', async function () {
    // sudo is not installed on every test machine (it was not on the one this test was written on).
    if (!hasSudo) this.skip();
    const withSudo = await startSshd();
    try {
      const t = new SshTransport(options({ port: withSudo.port, identityFile: withSudo.clientKey, knownHostsFile: withSudo.knownHosts }));
      const report = await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' });
      await t.dispose();
      assert.equal(report.criteria[0].status, 'passed', JSON.stringify(report.criteria[0].results));
    } finally {
      withSudo.stop();
    }
  });
});
