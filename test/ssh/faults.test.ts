import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportError } from '../../extension/src/core/errors';
import type { RunReport } from '../../schemas/generated/types';
import { loadExercise } from '../../extension/src/core/pack';
import { runExercise } from '../../extension/src/core/run';
import { SshTransport } from '../../extension/src/ssh/ssh-transport';
import { AGENT } from '../helpers/paths';
import { connectionPids, encryptedKey, freePort, startSshd, type Sshd } from '../helpers/sshd';
import { cli, row } from './fault-cli';
import { writeExercise } from './fault-exercises';

/** Pids whose command line matches `pattern`; none is not an error. */
function pgrep(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const kill = (pids: number[], sig: NodeJS.Signals): void =>
  pids.forEach((p) => {
    try {
      process.kill(p, sig);
    } catch {
      /* gone */
    }
  });

describe('SSH faults against real sshd instances (default timeouts)', function () {
  this.timeout(120_000);
  let sshd: Sshd;
  let work: string;
  let ssh: (o?: { key?: string; knownHosts?: string; port?: number; extra?: string[] }) => string[];
  // A unique agent build: the processes it runs are ours alone, found by their hash.
  const agentSource = readFileSync(AGENT, 'utf8') + `\n// fault nonce ${randomUUID()}\n`;
  const hash = createHash('sha256').update(agentSource).digest('hex').slice(0, 16);

  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'tssr-faults-'));
    writeExercise(work);
    ssh = (o = {}) => [
      '--target',
      `ssh://root@127.0.0.1:${o.port ?? sshd.port}`,
      '-i',
      o.key ?? sshd.clientKey,
      '--known-hosts',
      o.knownHosts ?? sshd.knownHosts,
      ...(o.extra ?? []),
    ];
  });
  after(() => {
    sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    rmSync(`/root/.cache/tssr-lab/agent-${hash}.js`, { force: true });
  });

  it('sshd killed mid-run: interrupted, exit 3, the quick result kept', async () => {
    const r = await cli(join(work, 'midrun'), ssh(), {}, () => kill(connectionPids(sshd.process.pid!), 'SIGKILL'));
    assert.equal(r.code, 3, r.out);
    assert.match(r.out, /^✔ rapide — /m);
    assert.match(r.out, /Exécution interrompue : la connexion SSH avec ssh:\/\/root@127\.0\.0\.1:\d+ a été fermée\. Les résultats déjà reçus sont conservés/);
    assert.ok(r.faultMs! < 5000, `${r.faultMs} ms`);
    row('sshd killed mid-run', 'exit 3, interrupted', r.faultMs!, '1 of 2 critères (rapide passed)');
  });

  it('agent killed mid-run: interrupted with the agent exit, the quick result kept', async () => {
    const exercise = loadExercise(join(work, 'midrun'), 'fr').data!;
    const t = new SshTransport({
      host: '127.0.0.1',
      port: sshd.port,
      user: 'root',
      identityFile: sshd.clientKey,
      knownHostsFile: sshd.knownHosts,
      agentSource,
    });
    let faultAt = 0;
    const report = await runExercise({
      transport: t,
      exercise,
      exerciseDir: join(work, 'midrun'),
      lang: 'fr',
      onEvent: (e) => {
        if (e.event !== 'result' || faultAt) return;
        faultAt = Date.now();
        kill(pgrep(`agent-${hash}\\.js serve`), 'SIGKILL');
      },
    });
    const ms = Date.now() - faultAt;
    await t.dispose();
    assert.equal(report.outcome, 'interrupted');
    assert.match(report.error ?? '', /L’agent s’est arrêté .* avant la fin.*conservés/);
    assert.equal(report.criteria.find((c) => c.id === 'rapide')?.status, 'passed');
    assert.ok(ms < 5000, `${ms} ms`);
    row('agent killed mid-run', 'interrupted (CLI exit 3)', ms, '1 of 2 critères (rapide passed)');
  });

  it('silent listener: unreachable, exit 3, a precise message and no crash', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => {
      sockets.push(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    try {
      const r = await cli(join(work, 'midrun'), ssh({ port: (server.address() as { port: number }).port }));
      assert.equal(r.code, 3, r.out);
      assert.match(r.out, /a accepté la connexion TCP mais aucun serveur SSH n’a répondu en 15 s/);
      assert.doesNotMatch(r.out, /Unhandled|\n\s+at /);
      assert.ok(r.ms < 25_000, `${r.ms} ms`);
      row('silent listener', 'exit 3, UNREACHABLE', r.ms, 'none (no session)');
    } finally {
      sockets.forEach((s) => s.destroy());
      server.close();
    }
  });

  it('frozen connection (sshd stopped mid-run): interrupted within 30 s, exit 3, the quick result kept', async () => {
    let frozen: number[] = [];
    try {
      const r = await cli(join(work, 'midrun'), ssh(), {}, () => {
        frozen = connectionPids(sshd.process.pid!);
        kill(frozen, 'SIGSTOP');
      });
      assert.ok(frozen.length > 0, 'no per-connection sshd found');
      assert.equal(r.code, 3, r.out);
      assert.match(r.out, /^✔ rapide — /m);
      assert.match(r.out, /Exécution interrompue : la connexion SSH avec .* ne répond plus.*conservés/);
      assert.ok(r.faultMs! < 32_000, `${r.faultMs} ms`);
      row('frozen connection (SIGSTOP)', 'exit 3, interrupted', r.faultMs!, '1 of 2 critères (rapide passed)');
    } finally {
      kill(frozen, 'SIGCONT');
      kill(frozen, 'SIGKILL');
    }
  });

  it('refused connection: unreachable, exit 3', async () => {
    const r = await cli(join(work, 'midrun'), ssh({ port: await freePort() }));
    assert.equal(r.code, 3);
    assert.match(r.out, /Connexion refusée par ssh:\/\/root@127\.0\.0\.1:\d+ : sshd tourne-t-il/);
    row('refused connection', 'exit 3, UNREACHABLE', r.ms, 'none (no session)');
    // The same fault in English when the run asks for it (the CLI's --lang en).
    const port = await freePort();
    const exercise = loadExercise(join(work, 'quick'), 'en').data!;
    const t = new SshTransport({ host: '127.0.0.1', port, user: 'root', identityFile: sshd.clientKey, knownHostsFile: sshd.knownHosts, agentSource: 'x' });
    await assert.rejects(runExercise({ transport: t, exercise, exerciseDir: join(work, 'quick'), lang: 'en' }), (e: TransportError) => {
      assert.equal(e.code, 'UNREACHABLE');
      assert.equal(e.message, `Connection refused by ssh://root@127.0.0.1:${port}: is sshd running and listening on port ${port}?`);
      return true;
    });
    await t.dispose();
  });

  it('wrong key: says the key was refused, exit 3', async () => {
    const r = await cli(join(work, 'midrun'), ssh({ key: sshd.otherKey }));
    assert.equal(r.code, 3);
    assert.match(r.out, /la clé \S+other_client a été refusée pour l’utilisateur root/);
    assert.doesNotMatch(r.out, /accept/);
    row('wrong key', 'exit 3, AUTH_FAILED', r.ms, 'none (no session)');
  });

  it('wrong passphrase: says it is wrong, once, even under TSSR_LAB_DEBUG; a missing one is asked for; the right one works', async () => {
    const key = encryptedKey(sshd.dir, 'bonne phrase');
    appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${key}.pub`));
    const wrong = await cli(join(work, 'midrun'), ssh({ key }), { TSSR_LAB_SSH_PASSPHRASE: 'mauvaise', TSSR_LAB_DEBUG: '1' });
    assert.equal(wrong.code, 3);
    assert.equal(wrong.out.match(/phrase de passe de la clé privée \S+ est incorrecte/g)?.length, 1, wrong.out);
    assert.match(wrong.out, /TransportError \[KEY_PASSPHRASE\]\n\s+at /);
    assert.doesNotMatch(wrong.out, /\bNt:|est chiffrée/);
    const missing = await cli(join(work, 'midrun'), ssh({ key }));
    assert.match(missing.out, /est chiffrée : donnez sa phrase de passe/);
    const right = await cli(join(work, 'quick'), ssh({ key }), { TSSR_LAB_SSH_PASSPHRASE: 'bonne phrase' });
    assert.equal(right.code, 0, right.out);
    row('wrong passphrase', 'exit 3, KEY_PASSPHRASE', wrong.ms, 'none (no session)');
  });

  it('changed host key: refused even with --accept-new, exit 3', async () => {
    const r = await cli(join(work, 'midrun'), ssh({ knownHosts: sshd.wrongKnownHosts, extra: ['--accept-new'] }));
    assert.equal(r.code, 3);
    assert.match(r.out, /LA CLÉ D’HÔTE DE ssh:\/\/root@127\.0\.0\.1:\d+ A CHANGÉ.*SHA256:.*ssh-keygen -R/);
    row('changed host key', 'exit 3, HOST_KEY_CHANGED', r.ms, 'none (no session)');
  });

  it('missing known_hosts: says how to record the key, creates nothing, exit 3', async () => {
    const file = join(work, 'nowhere', 'known_hosts');
    const r = await cli(join(work, 'midrun'), ssh({ knownHosts: file }));
    assert.equal(r.code, 3);
    assert.match(r.out, /Le fichier known_hosts \S+ n’existe pas.*ssh-keyscan -p \d+ 127\.0\.0\.1 >> \S+known_hosts.*--accept-new/);
    assert.equal(existsSync(file), false);
    row('missing known_hosts', 'exit 3, HOST_KEY_UNKNOWN', r.ms, 'none (no session)');
  });

  it('a hanging check ends as an error at its timeout and the run completes', async () => {
    const r = await cli(join(work, 'hang'), [...ssh(), '--format', 'json']);
    assert.equal(r.code, 1, r.out);
    const report = JSON.parse(r.out.slice(r.out.indexOf('{'))) as RunReport;
    assert.equal(report.outcome, 'complete');
    assert.deepEqual(
      report.criteria.map((c) => [c.id, c.status]),
      [
        ['rapide', 'passed'],
        ['pendu', 'error'],
      ],
    );
    assert.ok(r.ms < 20_000, `${r.ms} ms`);
    row('hanging check (sleep 600, timeout 1.5 s)', 'exit 1, complete', r.ms, '2 of 2 critères (pendu: error)');
  });

  it('an output flood is capped, the run completes and the agent stays small', async () => {
    const exercise = loadExercise(join(work, 'flood'), 'fr').data!;
    const t = new SshTransport({
      host: '127.0.0.1',
      port: sshd.port,
      user: 'root',
      identityFile: sshd.clientKey,
      knownHostsFile: sshd.knownHosts,
      agentSource,
    });
    let peakKb = 0;
    const poll = setInterval(() => {
      for (const pid of pgrep(`agent-${hash}\\.js serve`)) {
        try {
          peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
        } catch {
          /* ended between pgrep and the read */
        }
      }
    }, 100);
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    let report: RunReport;
    try {
      report = await runExercise({ transport: t, exercise, exerciseDir: join(work, 'flood'), lang: 'fr' });
    } finally {
      clearInterval(poll);
      await t.dispose();
    }
    const ms = Date.now() - started;
    assert.equal(report.outcome, 'complete');
    assert.equal(report.criteria.find((c) => c.id === 'rapide')?.status, 'passed');
    assert.ok(peakKb > 0 && peakKb < 200 * 1024, `agent peak ${peakKb} kB`);
    assert.ok(process.memoryUsage().rss - rssBefore < 100 * 1024 * 1024);
    row('output flood (yes)', `complete (CLI exit 1), agent peak ${(peakKb / 1024).toFixed(0)} MB`, ms, '2 of 2 critères');
  });
});
