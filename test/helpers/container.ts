import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forwardIntoNetns, type Forward } from './netns-forward';
import { ROOT } from './paths';

/** tools/lab: the rootfs recipe (image.sh, build-root.sh, packages.txt) and the container plumbing (lab.sh). */
export const LAB_DIR = join(ROOT, 'tools', 'lab');
const LAB_SH = join(LAB_DIR, 'lab.sh');

/** What a command printed and how it ended. */
export interface Ran { code: number | null; stdout: string; stderr: string }

/** Runs a program (argv array, no shell) and collects its output; never rejects on a non-zero exit. */
export function runArgv(cmd: string, args: string[], input?: string, timeoutMs = 120_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout!.on('data', (d: Buffer) => { stdout += d; });
    p.stderr!.on('data', (d: Buffer) => { stderr += d; });
    p.on('error', (e) => { clearTimeout(timer); reject(e); });
    p.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    if (input !== undefined) {
      p.stdin!.on('error', () => undefined); // a program may exit without reading all of it
      p.stdin!.end(input);
    }
  });
}

async function lab(args: string[], input?: string, timeoutMs?: number): Promise<string> {
  const r = await runArgv(LAB_SH, args, input, timeoutMs);
  if (r.code !== 0) throw new Error(`lab.sh ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** Why this machine cannot run lab containers (with the fix), or undefined when it can. */
export function labUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'the container suite needs root (systemd-nspawn, network namespaces, cgroups): run it as root, as CI does';
  const missing = ['systemd-nspawn', 'debootstrap', 'ip', 'nsenter', 'ssh', 'flock']
    .filter((t) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', t]).status !== 0);
  if (missing.length) return `missing ${missing.join(', ')}: apt-get install -y debootstrap systemd-container iproute2 util-linux openssh-client`;
  return undefined;
}

/** The cached Debian 12 rootfs, built on first use (a few minutes), and whether this call built it. */
export async function labImage(): Promise<{ root: string; built: boolean; seconds: number }> {
  const started = Date.now();
  const r = await runArgv(join(LAB_DIR, 'image.sh'), [], undefined, 30 * 60_000);
  if (r.code !== 0) throw new Error(`image.sh failed (${r.code}):\n${r.stderr}`);
  return { root: r.stdout.trim(), built: /^image: built /m.test(r.stderr), seconds: (Date.now() - started) / 1000 };
}

/** One booted container: its address in the run's /24, and the ways a learner reaches it. */
export class Container {
  constructor(readonly lab: Lab, readonly name: string, readonly addr: string, readonly state: string, readonly bootSeconds: number) {}

  /** Runs argv as a transient unit of the container's systemd (the container's capabilities, not the host's). */
  run(argv: string[], input?: string): Promise<Ran> {
    return runArgv(LAB_SH, ['run', this.lab.id, this.name, ...argv], input);
  }

  /** Runs a command line over SSH as root, from the hub namespace, with strict host-key checking. */
  ssh(commandLine: string, input?: string): Promise<Ran> {
    return runArgv(LAB_SH, ['ssh', this.lab.id, this.name, commandLine], input);
  }

  /**
   * A loopback port in this (root) namespace that leads to the container's sshd, with a known_hosts that
   * records its host keys for [127.0.0.1]:port. Lets the project's SSH transport and CLI connect unchanged.
   */
  async sshEndpoint(): Promise<Forward & { knownHosts: string; identityFile: string }> {
    const keys = await this.run(['sh', '-c', 'cat /etc/ssh/ssh_host_*_key.pub']);
    if (keys.code !== 0) throw new Error(`cannot read ${this.name}'s host keys: ${keys.stderr}`);
    const fwd = await forwardIntoNetns(`${this.lab.id}-hub`, this.addr, 22);
    this.lab.closers.push(() => fwd.close());
    const knownHosts = join(this.lab.dir, `known_hosts.${this.name}.${fwd.port}`);
    writeFileSync(knownHosts, keys.stdout.trim().split('\n').map((l) => `[127.0.0.1]:${fwd.port} ${l.split(' ').slice(0, 2).join(' ')}`).join('\n') + '\n');
    return { ...fwd, knownHosts, identityFile: this.lab.identityFile };
  }

  /** Halts it (SIGTERM, then harder) and removes its namespace and cgroups. */
  stop(): Promise<string> {
    return lab(['stop', this.lab.id, this.name]);
  }
}

/** A run of containers: one hub namespace, one /24 guarded by a blackhole route, one client key. */
export class Lab {
  /** Cleanups run by down(), e.g. port forwarders. */
  readonly closers: Array<() => void> = [];
  readonly dir = mkdtempSync(join(tmpdir(), 'tssr-lab-'));
  readonly identityFile: string;

  private constructor(readonly id: string, readonly root: string) {
    this.identityFile = join(this.dir, 'id_ed25519');
  }

  /** Creates the hub namespace and the network guard; the client key is copied to a private temp dir. */
  static async up(root: string): Promise<Lab> {
    const id = await lab(['up']);
    const l = new Lab(id, root);
    process.once('exit', l.onExit);
    copyFileSync(join(await lab(['dir', id]), 'key'), l.identityFile);
    chmodSync(l.identityFile, 0o600);
    return l;
  }

  /** Boots the named containers at once and waits until each one's systemd says running or degraded. */
  boot(...names: string[]): Promise<Container[]> {
    return this.bootWith(names, []);
  }

  /** Like boot(), with extra systemd-nspawn arguments for every container (e.g. `--bind=/dev/loop0`). */
  async bootWith(names: string[], nspawnArgs: string[]): Promise<Container[]> {
    const started = Date.now();
    const addrs: string[] = [];
    for (const n of names) addrs.push(await lab(['boot', this.id, n, this.root, ...nspawnArgs]));
    return Promise.all(names.map(async (n, i) => {
      const state = await lab(['wait', this.id, n, '180'], undefined, 200_000);
      return new Container(this, n, addrs[i], state, (Date.now() - started) / 1000);
    }));
  }

  /** Stops one container by name, booted or not; down() stops the rest. */
  stop(name: string): Promise<string> {
    return lab(['stop', this.id, name]);
  }

  // Last resort when the test process exits without its after hooks (uncaught error, process.exit).
  private readonly onExit = (): void => {
    this.closers.splice(0).forEach((c) => c());
    spawnSync(LAB_SH, ['down', this.id], { stdio: 'ignore', timeout: 60_000 });
    rmSync(this.dir, { recursive: true, force: true });
  };

  /** Stops every container and removes the namespaces, cgroups, route and temp files; safe to call twice. */
  async down(): Promise<void> {
    process.removeListener('exit', this.onExit);
    this.closers.splice(0).forEach((c) => c());
    try {
      await lab(['down', this.id], undefined, 120_000);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
