import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evaluation } from '../../schemas/generated/types';
import { CLI } from '../helpers/paths';
import { connectionPids, freePort, startSshd, type Sshd } from '../helpers/sshd';
import { startSshdIn } from '../helpers/sshd-netns';
import { writeExercise } from './fault-exercises';

interface Outcome {
  code: number | null;
  out: string;
  ms: number;
  ev: Evaluation;
}

/** One fault of the table: the room has one host with that fault, graded by the CLI on the 'midrun' exercise. */
interface Fault {
  name: string;
  host: () => Promise<{ host: string; port: number; user?: string; key?: string; knownHosts?: string; sudo?: boolean; prefix?: string[] }>;
  /** Done once the host is running checks (the quick critère passes within a second). */
  midRun?: () => void;
  exercise?: 'quick' | 'midrun';
  status: string;
  message: RegExp;
  kept: number;
}

const rows: string[] = [];

describe('grade: the fault table, each against real sshd instances', function () {
  this.timeout(120_000);
  const cleanups: Array<() => void> = [];
  let sshd: Sshd;
  let work: string;

  before(async () => {
    sshd = await startSshd();
    cleanups.push(() => sshd.stop());
    work = mkdtempSync(join(tmpdir(), 'tssr-grade-faults-'));
    // Test users' homes live below it.
    chmodSync(work, 0o755);
    writeExercise(work);
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  });
  after(() => {
    for (const c of cleanups.reverse()) {
      try {
        c();
      } catch {
        /* best effort */
      }
    }
    console.log(['      FAULT TABLE | scenario | exit | host status | message | results kept', ...rows].join('\n'));
  });

  /** sshd reads AuthorizedKeysFile as the user logging in: a test user must be able to read the test sshd's. */
  const letUsersIn = (): void => {
    chmodSync(sshd.dir, 0o755);
    chmodSync(join(sshd.dir, 'authorized_keys'), 0o644);
  };

  /** Grades a one-host room; `midRun` fires 1.5 s after the host starts its checks. */
  async function grade(f: Fault): Promise<Outcome> {
    const h = await f.host();
    const dir = mkdtempSync(join(work, 'run-'));
    const roster = join(dir, 'salle.yaml');
    writeFileSync(
      roster,
      `candidates:\n  - { id: c01, name: Candidat, host: ${h.host}, port: ${h.port}, user: ${h.user ?? 'root'}, key: ${h.key ?? sshd.clientKey} }\n`,
    );
    const args = [
      CLI,
      'grade',
      join(work, f.exercise ?? 'midrun'),
      '--inventory',
      roster,
      '--out',
      join(dir, 'out'),
      '--known-hosts',
      h.knownHosts ?? sshd.knownHosts,
    ];
    if (h.sudo) args.push('--sudo');
    const started = Date.now();
    const [cmd, ...argv] = [...(h.prefix ?? []), process.execPath, ...args];
    return new Promise((resolve) => {
      const child = spawn(cmd, argv, { env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: 'fr' } });
      let out = '';
      let fired = false;
      const take = (d: Buffer): void => {
        out += d.toString();
        if (f.midRun && !fired && /contrôles/.test(out)) {
          fired = true;
          setTimeout(f.midRun, 1500);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('close', (code) => {
        const ev = JSON.parse(readFileSync(join(dir, 'out', 'evaluation.json'), 'utf8')) as Evaluation;
        resolve({ code, out, ms: Date.now() - started, ev });
      });
    });
  }

  const faultsState: { killTarget?: Sshd } = {};
  const local = async () => ({ host: '127.0.0.1', port: sshd.port });
  const faults: Fault[] = [
    {
      name: 'wrong key',
      host: async () => ({ ...(await local()), key: sshd.otherKey }),
      status: 'unreachable',
      message: /clé .*other_client a été refusée/,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'changed host key',
      host: async () => ({ ...(await local()), knownHosts: sshd.wrongKnownHosts }),
      status: 'unreachable',
      message: /clé d.hôte .*(changé|différente)/i,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'connection refused',
      host: async () => ({ host: '127.0.0.1', port: await freePort() }),
      status: 'unreachable',
      message: /refus/,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'TCP open, no SSH (handshake timeout)',
      host: async () => {
        const server: Server = createServer(() => undefined);
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        cleanups.push(() => server.close());
        return { host: '127.0.0.1', port: (server.address() as { port: number }).port };
      },
      status: 'unreachable',
      message: /a accepté la connexion TCP mais aucun serveur SSH n’a répondu en \d+ s/,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'node missing',
      host: async () => {
        const s = await startSshd(['SetEnv PATH=/tssr-lab/no-node-here']);
        cleanups.push(() => s.stop());
        return { host: '127.0.0.1', port: s.port, key: s.clientKey, knownHosts: s.knownHosts };
      },
      status: 'error',
      message: /Node\.js n’est pas installé/,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'node older than 18',
      host: async () => {
        const bin = mkdtempSync(join(work, 'old-node-'));
        writeFileSync(
          join(bin, 'node'),
          `#!/bin/sh\nif [ "$1" = "-p" ]; then echo 16.20.2; exit 0; fi\necho "$2:1 SyntaxError: Unexpected token '?'" >&2; exit 1\n`,
        );
        chmodSync(join(bin, 'node'), 0o755);
        const s = await startSshd([`SetEnv PATH=${bin}:/usr/bin:/bin`]);
        cleanups.push(() => s.stop());
        return { host: '127.0.0.1', port: s.port, key: s.clientKey, knownHosts: s.knownHosts };
      },
      status: 'error',
      message: /trop ancien/,
      kept: 0,
      exercise: 'quick',
    },
    {
      name: 'sshd killed mid-run',
      host: async () => {
        const s = await startSshd();
        cleanups.push(() => s.stop());
        faultsState.killTarget = s;
        return { host: '127.0.0.1', port: s.port, key: s.clientKey, knownHosts: s.knownHosts };
      },
      midRun: () => {
        const s = faultsState.killTarget!;
        for (const pid of connectionPids(s.process.pid!)) process.kill(pid, 'SIGKILL');
        s.process.kill('SIGKILL');
      },
      status: 'error',
      message: /(connexion|perdue|fermée|interrompue)/i,
      kept: 1,
    },
    {
      name: 'agent killed mid-run',
      host: local,
      midRun: () => {
        spawnSync('pkill', ['-KILL', '-f', 'agent-[0-9a-f]+\\.js serve']);
      },
      status: 'error',
      message: /agent/i,
      kept: 1,
    },
  ];

  for (const f of faults) {
    it(`${f.name}: ${f.status}, a precise message, ${f.kept} result(s) kept, exit 3`, async () => {
      const r = await grade(f);
      const host = r.ev.hosts[0];
      const kept = host.runs.flatMap((run) => run.criteria).filter((c) => c.results.length > 0).length;
      rows.push(
        `      FAULT | ${f.name} | ${r.code} | ${host.status} | ${(host.error?.message ?? '').split('\n')[0].slice(0, 140)} | ${kept} critère(s) in ${(r.ms / 1000).toFixed(1)} s`,
      );
      assert.equal(r.code, 3, r.out);
      assert.equal(host.status, f.status, JSON.stringify(host.error));
      assert.match(host.error?.message ?? '', f.message);
      assert.equal(kept, f.kept, JSON.stringify(host.runs));
      if (f.kept) assert.equal(host.runs[0].criteria.find((c) => c.id === 'rapide')?.status, 'passed');
    });
  }

  it('sudo that needs a password: error naming the sudo rule to add, exit 3', async function () {
    if (spawnSync('sh', ['-c', 'command -v sudo && command -v useradd']).status !== 0) this.skip();
    const user = `tssrg${process.pid % 10000}`;
    const home = join(work, user);
    execFileSync('useradd', ['-M', '-d', home, '-s', '/bin/sh', '-p', '*', user]);
    cleanups.push(() => execFileSync('userdel', [user]));
    mkdirSync(home);
    execFileSync('chown', [user, home]);
    letUsersIn();
    const r = await grade({
      name: 'sudo',
      host: async () => ({ ...(await local()), user, sudo: true }),
      status: 'error',
      message: /sudo/,
      kept: 0,
      exercise: 'quick',
    });
    const host = r.ev.hosts[0];
    rows.push(`      FAULT | sudo needs a password | ${r.code} | ${host.status} | ${(host.error?.message ?? '').split('\n')[0].slice(0, 140)} | 0`);
    assert.equal(r.code, 3, r.out);
    assert.equal(host.status, 'error');
    assert.match(host.error?.message ?? '', /sudo/);
    assert.match(host.error?.message ?? '', /NOPASSWD/);
  });

  it('disk full during the agent upload: error saying the target has no room, exit 3', async function () {
    if (spawnSync('sh', ['-c', 'command -v useradd']).status !== 0) this.skip();
    const user = `tssrf${process.pid % 10000}`;
    const home = join(work, `${user}-home`);
    mkdirSync(home);
    // A 64 KiB home: the agent bundle cannot fit.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tssr-full', home]);
    cleanups.push(() => execFileSync('umount', ['-l', home]));
    execFileSync('useradd', ['-M', '-d', home, '-s', '/bin/sh', '-p', '*', user]);
    cleanups.push(() => execFileSync('userdel', [user]));
    execFileSync('chown', [user, home]);
    letUsersIn();
    const r = await grade({ name: 'disk full', host: async () => ({ ...(await local()), user }), status: 'error', message: /./, kept: 0, exercise: 'quick' });
    const host = r.ev.hosts[0];
    rows.push(`      FAULT | disk full during upload | ${r.code} | ${host.status} | ${(host.error?.message ?? '').split('\n')[0].slice(0, 140)} | 0`);
    assert.equal(r.code, 3, r.out);
    assert.equal(host.status, 'error');
    assert.match(
      host.error?.message ?? '',
      /Plus de place sur ssh:\/\/tssrf\d+@127\.0\.0\.1:\d+ pour copier l’agent : il reste \d+ Kio dans \S+, il en faut \d+\. Libérez de la place/,
    );
  });

  it('link down inside the host’s network namespace: the host ends in error, the quick result kept', async function () {
    if (process.getuid?.() !== 0) this.skip();
    const tag = `${process.pid % 10000}`;
    const hub = `tssr-gh-${tag}`;
    const ns = `tssr-gn-${tag}`;
    const net = '10.213.77';
    execFileSync('ip', ['route', 'replace', 'blackhole', `${net}.0/24`]);
    cleanups.push(() => execFileSync('ip', ['route', 'del', 'blackhole', `${net}.0/24`]));
    for (const n of [hub, ns]) {
      execFileSync('ip', ['netns', 'add', n]);
      cleanups.push(() => execFileSync('ip', ['netns', 'delete', n]));
      execFileSync('ip', ['-n', n, 'link', 'set', 'lo', 'up']);
    }
    execFileSync('ip', ['-n', hub, 'link', 'add', 'v-hub', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
    execFileSync('ip', ['-n', hub, 'addr', 'add', `${net}.1/24`, 'dev', 'v-hub']);
    execFileSync('ip', ['-n', ns, 'addr', 'add', `${net}.2/24`, 'dev', 'eth0']);
    execFileSync('ip', ['-n', hub, 'link', 'set', 'v-hub', 'up']);
    execFileSync('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    // sshd inside the host namespace, on its own address; the CLI runs inside the hub namespace.
    const s = await startSshdIn(ns, `${net}.2`);
    cleanups.push(() => s.stop());
    const r = await grade({
      name: 'link down',
      host: async () => ({ host: `${net}.2`, port: s.port, key: s.clientKey, knownHosts: s.knownHosts, prefix: ['ip', 'netns', 'exec', hub] }),
      midRun: () => execFileSync('ip', ['-n', ns, 'link', 'set', 'eth0', 'down']),
      status: 'error',
      message: /./,
      kept: 1,
    });
    const host = r.ev.hosts[0];
    const kept = host.runs.flatMap((run) => run.criteria).filter((c) => c.results.length > 0).length;
    rows.push(
      `      FAULT | link down (netns) | ${r.code} | ${host.status} | ${(host.error?.message ?? '').split('\n')[0].slice(0, 140)} | ${kept} critère(s) in ${(r.ms / 1000).toFixed(1)} s`,
    );
    assert.equal(r.code, 3, r.out);
    assert.equal(host.status, 'error');
    assert.match(host.error?.message ?? '', /(connexion|répond|perdue|interrompue)/i);
    assert.equal(host.runs[0].criteria.find((c) => c.id === 'rapide')?.status, 'passed');
  });
});
