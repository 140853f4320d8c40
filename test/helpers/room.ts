// A room of SSH hosts on one machine: one hub network namespace with a bridge, one namespace per host (a veth into the
// bridge, its own address on a private /16, its own bare sshd with its own host key). Shared by the fan-out bench
// (scripts/bench-fanout.mjs) and test/ssh/grade-room.test.ts. While a room is up, a blackhole route for its /16 in the
// root namespace keeps stray traffic off the machine's real network; clients run inside the hub (`room.hubExec`).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One host of the room. */
export interface RoomHost {
  id: string;
  /** Its network namespace. */
  ns: string;
  address: string;
}

/** A running room; stop() tears everything down (idempotent). */
export interface Room {
  hub: string;
  hosts: RoomHost[];
  dir: string;
  clientKey: string;
  /** One known_hosts listing every host's own key. */
  knownHosts: string;
  /** An OpenSSH client config for every host (root, the client key, strict host keys). */
  sshConfig: string;
  /** The argv prefix that runs a client inside the hub namespace. */
  hubExec: string[];
  stop(): void;
}

/** Where the room lives: a name prefix for its namespaces and the first two octets of its /16 (e.g. '10.214'). */
export interface RoomOptions {
  prefix: string;
  net: string;
  count: number;
  /** Upper bound for sshd to listen everywhere (ms). */
  startTimeoutMs?: number;
}

const MAX_HOSTS = 250 * 200;
const ip = (...args: string[]): void => {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
};
const sshdBin = (): string => execFileSync('bash', ['-c', 'command -v sshd || echo /usr/sbin/sshd']).toString().trim();

/** Host i's address: a.b.(1 + i/200).(1 + i%200); the hub is a.b.0.1. */
export function hostAddress(net: string, i: number): string {
  return `${net}.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`;
}

/** Removes what a killed run left: its sshd and other processes in its namespaces, the namespaces, the guard route. */
export function cleanupRoom(prefix: string, net: string): string[] {
  const removed: string[] = [];
  const names = execFileSync('ip', ['netns', 'list'])
    .toString()
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n.startsWith(`${prefix}-`));
  for (const n of names) {
    const pids = spawnSync('ip', ['netns', 'pids', n]).stdout?.toString().split(/\s+/).filter(Boolean).map(Number) ?? [];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    spawnSync('ip', ['netns', 'delete', n]);
    removed.push(n);
  }
  if (spawnSync('ip', ['route', 'del', 'blackhole', `${net}.0.0/16`]).status === 0) removed.push(`blackhole ${net}.0.0/16`);
  return removed;
}

function sshdConfig(dir: string, address: string, key: string): string {
  return [
    `ListenAddress ${address}`,
    // Also on the host's own loopback, as a real host's sshd (the suite's Testinfra file asks 127.0.0.1:22).
    'ListenAddress 127.0.0.1',
    'Port 22',
    `HostKey ${key}`,
    `PidFile ${key}.pid`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'Subsystem sftp internal-sftp',
    'LogLevel ERROR',
    '',
  ].join('\n');
}

/** Builds and starts a room of `count` hosts (bounded: at most 50 000, sshd up within startTimeoutMs). */
export async function startRoom(o: RoomOptions): Promise<Room> {
  if (!/^\d{1,3}\.\d{1,3}$/.test(o.net)) throw new Error(`net must be two octets, e.g. 10.214: ${o.net}`);
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > MAX_HOSTS) throw new Error(`bad host count ${o.count}`);
  const dir = mkdtempSync(join(tmpdir(), `${o.prefix}-`));
  const hub = `${o.prefix}-hub`;
  const hosts: RoomHost[] = Array.from({ length: o.count }, (_, i) => ({
    id: `h${String(i + 1).padStart(3, '0')}`,
    ns: `${o.prefix}-${i + 1}`,
    address: hostAddress(o.net, i),
  }));
  const procs: ChildProcess[] = [];
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const p of procs) p.kill('SIGTERM');
    cleanupRoom(o.prefix, o.net);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The guard first: from here on, nothing for this /16 leaves the root namespace.
    ip('route', 'replace', 'blackhole', `${o.net}.0.0/16`);
    ip('netns', 'add', hub);
    const hubBatch = ['link set lo up', 'link add br0 type bridge', `addr add ${o.net}.0.1/16 dev br0`, 'link set br0 up'];
    for (const [i, h] of hosts.entries()) {
      ip('netns', 'add', h.ns);
      ip('-n', h.ns, 'link', 'set', 'lo', 'up');
      hubBatch.push(`link add v${i} type veth peer name eth0 netns ${h.ns}`, `link set v${i} master br0 up`);
    }
    writeFileSync(join(dir, 'hub.batch'), hubBatch.join('\n') + '\n');
    ip('-n', hub, '-batch', join(dir, 'hub.batch'));
    for (const h of hosts) {
      writeFileSync(join(dir, 'host.batch'), `addr add ${h.address}/16 dev eth0\nlink set eth0 up\n`);
      ip('-n', h.ns, '-batch', join(dir, 'host.batch'));
    }
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tssr-room', '-f', join(dir, 'client')]);
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')));
    mkdirSync(join(dir, 'hosts'));
    mkdirSync('/run/sshd', { recursive: true });
    const known: string[] = [];
    const bin = sshdBin();
    for (const h of hosts) {
      const key = join(dir, 'hosts', h.id);
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', h.id, '-f', key]);
      const pub = readFileSync(`${key}.pub`, 'utf8').split(' ');
      known.push(`${h.address} ${pub[0]} ${pub[1]}`);
      writeFileSync(`${key}.conf`, sshdConfig(dir, h.address, key));
      procs.push(spawn('ip', ['netns', 'exec', h.ns, bin, '-D', '-e', '-f', `${key}.conf`], { stdio: 'ignore' }));
    }
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, known.join('\n') + '\n');
    const sshConfig = join(dir, 'ssh_config');
    writeFileSync(
      sshConfig,
      [
        `Host ${o.net}.*`,
        '  User root',
        `  IdentityFile ${join(dir, 'client')}`,
        `  UserKnownHostsFile ${knownHosts}`,
        '  StrictHostKeyChecking yes',
        '  IdentitiesOnly yes',
        '  BatchMode yes',
        '  ConnectTimeout 10',
        '',
      ].join('\n'),
    );
    // Wait from inside the hub until every sshd answers, with one bounded shell loop (not one process per probe).
    const tries = Math.ceil((o.startTimeoutMs ?? 20_000) / 50);
    const wait = spawnSync(
      'ip',
      [
        'netns',
        'exec',
        hub,
        'bash',
        '-c',
        `for a in "$@"; do n=0; until { : <>/dev/tcp/$a/22; } 2>/dev/null; do n=$((n+1)); [ $n -gt ${tries} ] && { echo "no sshd on $a"; exit 1; }; sleep 0.05; done; done`,
        'wait',
        ...hosts.map((h) => h.address),
      ],
      { timeout: (o.startTimeoutMs ?? 20_000) * 2 + 5000 },
    );
    if (wait.status !== 0) throw new Error(`the room did not start: ${wait.stdout?.toString()}${wait.stderr?.toString()}`);
    return { hub, hosts, dir, clientKey: join(dir, 'client'), knownHosts, sshConfig, hubExec: ['ip', 'netns', 'exec', hub], stop };
  } catch (e) {
    stop();
    throw e;
  }
}
