import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private OpenSSH server on 127.0.0.1 with its own host key, client key and known_hosts. */
export interface Sshd {
  port: number;
  dir: string;
  clientKey: string;
  otherKey: string;
  knownHosts: string;
  /** A known_hosts that records a different key for this host. */
  wrongKnownHosts: string;
  hostPublicKey: string;
  process: ChildProcess;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

function keygen(file: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tssr-lab-test', '-f', file]);
}

/** Pids of the per-connection sshd processes (the privsep monitor and its session child) under the listener. */
export function connectionPids(listenerPid: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  const found: number[] = [];
  let frontier = [listenerPid];
  while (frontier.length) {
    const kids = rows.filter((r) => frontier.includes(Number(r[1])) && r[2] === 'sshd').map((r) => Number(r[0]));
    found.push(...kids);
    frontier = kids;
  }
  return found;
}

/** Writes an ed25519 key encrypted with `passphrase`; returns its path. */
export function encryptedKey(dir: string, passphrase: string): string {
  const file = join(dir, 'encrypted_client');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'tssr-lab-test', '-f', file]);
  return file;
}

/** A free TCP port on 127.0.0.1 (nothing listens there once this resolves). */
export { freePort };

/** Starts sshd; `extra` lines go at the end of its config (e.g. `SetEnv PATH=…`). */
export async function startSshd(extra: string[] = []): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-sshd-'));
  const port = await freePort();
  for (const k of ['host', 'other_host', 'client', 'other_client']) keygen(join(dir, k));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')));
  const cfg = join(dir, 'sshd_config');
  writeFileSync(
    cfg,
    [
      `ListenAddress 127.0.0.1`,
      `Port ${port}`,
      `HostKey ${join(dir, 'host')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      ...extra,
      '',
    ].join('\n'),
  );
  execFileSync('mkdir', ['-p', '/run/sshd']);
  const sshdBin = execFileSync('bash', ['-c', 'command -v sshd || echo /usr/sbin/sshd']).toString().trim();
  const proc = spawn(sshdBin, ['-D', '-e', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d) => {
    log += d;
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((res) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (up) break;
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`sshd did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const hostPub = readFileSync(join(dir, 'host.pub'), 'utf8').split(' ');
  const otherPub = readFileSync(join(dir, 'other_host.pub'), 'utf8').split(' ');
  const knownHosts = join(dir, 'known_hosts');
  const wrongKnownHosts = join(dir, 'known_hosts.wrong');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostPub[0]} ${hostPub[1]}\n`);
  writeFileSync(wrongKnownHosts, `[127.0.0.1]:${port} ${otherPub[0]} ${otherPub[1]}\n`);
  return {
    port,
    dir,
    knownHosts,
    wrongKnownHosts,
    process: proc,
    clientKey: join(dir, 'client'),
    otherKey: join(dir, 'other_client'),
    hostPublicKey: hostPub[1],
    stop() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
