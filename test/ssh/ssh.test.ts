import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { TransportError } from '../../extension/src/core/errors';
import type { Exercise } from '../../schemas/generated/types';
import { runExercise } from '../../extension/src/core/run';
import { validate } from '../../extension/src/core/schemas';
import { SshTransport, type SshOptions } from '../../extension/src/ssh/ssh-transport';
import { startSshd, type Sshd } from '../helpers/sshd';
import { AGENT, CLI, PACK } from '../helpers/paths';

const exercise: Exercise = {
  id: 'ssh-demo',
  title: 'Démo SSH',
  competences: ['CP9'],
  solution: { apply: 'x.sh' },
  criteria: [
    { id: 'lent', title: 'Lent', referentiel: 'CP9.1', points: 1, hint: 'h', checks: [{ type: 'command', exec: ['sleep', '1'], exitStatus: 0 }] },
    { id: 'rapide', title: 'Rapide', referentiel: 'CP9.1', points: 1, hint: 'h', checks: [{ type: 'file', path: '/etc/passwd', contents: ['root:'] }] },
    { id: 'absent', title: 'Absent', referentiel: 'CP9.1', points: 1, hint: 'h', checks: [{ type: 'file', path: '/nonexistent/tssr' }] },
  ],
};

describe('SSH transport against a real sshd on 127.0.0.1', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  // A unique agent build, so the first deploy of this run is an upload.
  const agentSource = readFileSync(AGENT, 'utf8') + `\n// test nonce ${randomUUID()}\n`;
  const uploaded: string[] = [];
  const options = (o: Partial<SshOptions> = {}): SshOptions => ({
    host: '127.0.0.1',
    port: sshd.port,
    user: 'root',
    identityFile: sshd.clientKey,
    knownHostsFile: sshd.knownHosts,
    agentSource,
    log: (l) => {
      const m = /agent (?:uploaded|reused): (.*)$/.exec(l);
      if (m) uploaded.push(m[1]);
    },
    ...o,
  });

  before(async () => {
    sshd = await startSshd();
  });
  after(() => {
    sshd?.stop();
    for (const f of new Set(uploaded)) rmSync(f, { force: true });
  });

  it('connects, uploads the agent once under its content hash, then reuses it', async () => {
    const first = new SshTransport(options());
    const r1 = await runExercise({ transport: first, exercise, exerciseDir: '/tmp', lang: 'fr' });
    await first.dispose();
    assert.equal(first.lastDeploy, 'uploaded');
    assert.match(uploaded[0], /\/\.cache\/tssr-lab\/agent-[0-9a-f]{16}\.js$/);
    const mtime = statSync(uploaded[0]).mtimeMs;
    const second = new SshTransport(options());
    const r2 = await runExercise({ transport: second, exercise, exerciseDir: '/tmp', lang: 'fr' });
    await second.dispose();
    assert.equal(second.lastDeploy, 'reused');
    assert.equal(statSync(uploaded[0]).mtimeMs, mtime);
    for (const r of [r1, r2]) {
      assert.equal(r.outcome, 'complete');
      assert.deepEqual(
        r.criteria.map((c) => c.status),
        ['passed', 'passed', 'failed'],
      );
      assert.deepEqual(validate('report.schema.json', r), []);
    }
  });

  it("runs a command check without sshd's session markers, so bash does not read ~/.bashrc as it would for a remote command", async () => {
    // Debian's bash sources ~/.bashrc in `bash -c` when SSH_CLIENT is set and the shell level is below 2: the check
    // would see the user's .bashrc over SSH and not locally. The markers are the agent's, not the command's.
    const probe: Exercise = {
      ...exercise,
      criteria: [
        {
          id: 'env',
          title: 'Environnement',
          referentiel: 'CP9.1',
          points: 1,
          hint: 'h',
          checks: [
            {
              type: 'command',
              exec: ['bash', '-c', 'echo "ssh=${SSH_CONNECTION:-none},${SSH_CLIENT:-none} path=${PATH:+set}"'],
              stdout: ['ssh=none,none path=set'],
            },
          ],
        },
      ],
    };
    const transport = new SshTransport(options());
    const r = await runExercise({ transport, exercise: probe, exerciseDir: '/tmp', lang: 'fr' });
    await transport.dispose();
    assert.equal(r.criteria[0].status, 'passed', JSON.stringify(r.criteria[0].results));
  });

  it('streams results in order of completion', async () => {
    const t = new SshTransport(options());
    const order: string[] = [];
    await runExercise({
      transport: t,
      exercise,
      exerciseDir: '/tmp',
      lang: 'fr',
      onEvent: (e) => {
        if (e.event === 'result') order.push(e.criterionId);
      },
    });
    await t.dispose();
    assert.equal(order.at(-1), 'lent');
    assert.ok(order.indexOf('rapide') < order.indexOf('lent'));
  });

  async function refusal(o: Partial<SshOptions>): Promise<TransportError> {
    const t = new SshTransport(options(o));
    try {
      await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' });
    } catch (e) {
      return e as TransportError;
    } finally {
      await t.dispose();
    }
    assert.fail('the connection was not refused');
  }

  it('refuses a changed host key, even with accept-new', async () => {
    for (const acceptNew of [false, true]) {
      const e = await refusal({ knownHostsFile: sshd.wrongKnownHosts, acceptNew });
      assert.equal(e.code, 'HOST_KEY_CHANGED');
      assert.match(e.message, /CLÉ D’HÔTE DE .* A CHANGÉ.*SHA256:/s);
    }
  });

  it('refuses an unknown host key unless accept-new is given, which records it', async () => {
    const file = `${sshd.dir}/known_hosts.empty`;
    writeFileSync(file, '');
    const e = await refusal({ knownHostsFile: file });
    assert.equal(e.code, 'HOST_KEY_UNKNOWN');
    assert.match(e.message, /--accept-new/);
    const t = new SshTransport(options({ knownHostsFile: file, acceptNew: true }));
    const r = await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' });
    await t.dispose();
    assert.equal(r.outcome, 'complete');
    assert.ok(readFileSync(file, 'utf8').includes(sshd.hostPublicKey));
  });

  it('refuses a user key that is not authorised, with a message that says what to check', async () => {
    const e = await refusal({ identityFile: sshd.otherKey });
    assert.equal(e.code, 'AUTH_FAILED');
    assert.match(e.message, /authorized_keys/);
  });

  it('authenticates with ssh-agent when SSH_AUTH_SOCK is set and no key file is given', async () => {
    const sock = `${sshd.dir}/agent.sock`;
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
      execFileSync('ssh-add', ['-q', sshd.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: sock } });
      const t = new SshTransport(options({ identityFile: undefined, agentSocket: sock }));
      const r = await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' });
      await t.dispose();
      assert.equal(r.outcome, 'complete');
    } finally {
      agent.kill();
    }
  });

  it('keeps the results received when the connection drops mid-run', async () => {
    const slow: Exercise = {
      ...exercise,
      criteria: [exercise.criteria[1], { ...exercise.criteria[0], checks: [{ type: 'command', exec: ['sleep', '20'], exitStatus: 0 }] }],
    };
    const t = new SshTransport(options());
    let killed = false;
    const report = await runExercise({
      transport: t,
      exercise: slow,
      exerciseDir: '/tmp',
      lang: 'fr',
      onEvent: (e) => {
        if (e.event === 'result' && !killed) {
          killed = true;
          spawnSync('pkill', ['-KILL', '-P', String(sshd.process.pid)]);
        }
      },
    });
    await t.dispose();
    assert.equal(report.outcome, 'interrupted');
    assert.match(report.error ?? '', /conservés/);
    assert.equal(report.criteria[0].status, 'passed');
    assert.equal(report.criteria[1].status, 'error');
  });

  it('runs the CLI over ssh:// with a JSON report', () => {
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'check',
        `${PACK}/script-sauvegarde`,
        '--solution',
        '--target',
        `ssh://root@127.0.0.1:${sshd.port}`,
        '-i',
        sshd.clientKey,
        '--known-hosts',
        sshd.knownHosts,
        '--format',
        'json',
      ],
      { encoding: 'utf8', env: { ...process.env, SSH_AUTH_SOCK: '' } },
    );
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(validate('report.schema.json', report), []);
    assert.match(report.target, /^ssh:\/\/root@127\.0\.0\.1:\d+$/);
    assert.equal(report.totals.passed, 6);
  });
});

describe('SSH target without Node.js', function () {
  this.timeout(30_000);
  let sshd: Sshd;
  before(async () => {
    sshd = await startSshd(['SetEnv PATH=/tssr-lab/no-node-here']);
  });
  after(() => sshd?.stop());

  it('says Node is missing and how to install it on Debian and RHEL', async () => {
    const t = new SshTransport({
      host: '127.0.0.1',
      port: sshd.port,
      user: 'root',
      identityFile: sshd.clientKey,
      knownHostsFile: sshd.knownHosts,
      agentSource: 'x',
    });
    await assert.rejects(runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' }), (e: TransportError) => {
      assert.equal(e.code, 'NODE_MISSING');
      assert.match(e.message, /apt-get install -y nodejs/);
      assert.match(e.message, /dnf install -y nodejs/);
      return true;
    });
    await t.dispose();
  });

  it('exits the CLI with code 3 for a transport error', () => {
    const r = spawnSync(
      process.execPath,
      [CLI, 'check', `${PACK}/script-sauvegarde`, '--target', `ssh://root@127.0.0.1:${sshd.port}`, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 3);
    assert.match(r.stderr, /Node\.js/);
  });
});
