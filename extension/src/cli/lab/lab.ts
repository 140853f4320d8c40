import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { forwardIntoNetns, type Forward } from './netns-forward';
import { runArgv, type Ran } from './run-argv';

export { runArgv, type Ran };

/**
 * tools/lab (image.sh, build-root.sh, packages.txt, lab.sh): TSSR_LAB_TOOLS, else the first `tools/lab/lab.sh` above
 * this file (dist/ in a checkout, or out/… when the tests run the compiled sources).
 */
export function labDir(): string | undefined {
  if (process.env.TSSR_LAB_TOOLS) return process.env.TSSR_LAB_TOOLS;
  for (let d = __dirname; ; d = dirname(d)) {
    if (existsSync(join(d, 'tools', 'lab', 'lab.sh'))) return join(d, 'tools', 'lab');
    if (dirname(d) === d) return undefined;
  }
}

/** Why this machine cannot run lab containers, as data: not root, or these programs missing. */
export type LabProblem = { kind: 'notRoot' } | { kind: 'missing'; tools: string[] } | { kind: 'noTools' };

/** What stops lab containers here, or undefined when nothing does. */
export function labProblem(): LabProblem | undefined {
  if (process.getuid?.() !== 0) return { kind: 'notRoot' };
  const missing = ['systemd-nspawn', 'debootstrap', 'ip', 'nsenter', 'ssh', 'flock'].filter(
    (t) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', t]).status !== 0,
  );
  if (missing.length) return { kind: 'missing', tools: missing };
  return labDir() ? undefined : { kind: 'noTools' };
}

function labSh(): string {
  const dir = labDir();
  if (!dir) throw new Error('tools/lab not found: run from a TSSR Lab checkout or set TSSR_LAB_TOOLS');
  return join(dir, 'lab.sh');
}

async function lab(args: string[], input?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await runArgv(labSh(), args, input, timeoutMs, env);
  if (r.code !== 0) throw new Error(`lab.sh ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The cached Debian 12 rootfs, built on first use (a few minutes), and whether this call built it. */
export async function labImage(): Promise<{ root: string; built: boolean; seconds: number }> {
  const started = Date.now();
  const r = await runArgv(join(dirname(labSh()), 'image.sh'), [], undefined, 30 * 60_000);
  if (r.code !== 0) throw new Error(`image.sh failed (${r.code}):\n${r.stderr}`);
  return { root: r.stdout.trim(), built: /^image: built /m.test(r.stderr), seconds: (Date.now() - started) / 1000 };
}

/** One booted container: its address in the run's /24, and the ways a learner reaches it. */
export class Container {
  constructor(
    readonly lab: Lab,
    readonly name: string,
    readonly addr: string,
    readonly state: string,
    readonly bootSeconds: number,
  ) {}

  /** Runs argv as a transient unit of the container's systemd (the container's capabilities, not the host's). */
  run(argv: string[], input?: string): Promise<Ran> {
    return runArgv(labSh(), ['run', this.lab.id, this.name, ...argv], input);
  }

  /** Runs a command line over SSH as root, from the hub namespace, with strict host-key checking. */
  ssh(commandLine: string, input?: string): Promise<Ran> {
    return runArgv(labSh(), ['ssh', this.lab.id, this.name, commandLine], input);
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
    // systemd says "running" before a loaded machine's sshd answers: wait for its banner, or setup's SSH login times out.
    await sshBanner(fwd.port, 90_000);
    const knownHosts = join(this.lab.dir, `known_hosts.${this.name}.${fwd.port}`);
    writeFileSync(
      knownHosts,
      keys.stdout
        .trim()
        .split('\n')
        .map((l) => `[127.0.0.1]:${fwd.port} ${l.split(' ').slice(0, 2).join(' ')}`)
        .join('\n') + '\n',
    );
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

  private constructor(
    readonly id: string,
    readonly root: string,
    readonly kept: boolean,
  ) {
    this.identityFile = join(this.dir, 'id_ed25519');
  }

  /**
   * Creates the hub namespace and the network guard; the client key is copied to a private temp dir. A kept run
   * (`keep`) outlives this process: its owner is PID 1, so `lab.sh gc` leaves it until `lab.sh down RUN`.
   */
  static async up(root: string, keep = false): Promise<Lab> {
    const id = await lab(['up'], undefined, undefined, keep ? { ...process.env, LAB_OWNER: '1' } : undefined);
    const l = new Lab(id, root, keep);
    if (!keep) process.once('exit', l.onExit);
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
    return Promise.all(
      names.map(async (n, i) => {
        const state = await lab(['wait', this.id, n, '180'], undefined, 200_000);
        return new Container(this, n, addrs[i], state, (Date.now() - started) / 1000);
      }),
    );
  }

  /** Stops one container by name, booted or not; down() stops the rest. */
  stop(name: string): Promise<string> {
    return lab(['stop', this.id, name]);
  }

  // Last resort when the process exits without its teardown (uncaught error, process.exit).
  private readonly onExit = (): void => {
    this.closers.splice(0).forEach((c) => c());
    spawnSync(labSh(), ['down', this.id], { stdio: 'ignore', timeout: 60_000 });
    rmSync(this.dir, { recursive: true, force: true });
  };

  /** Lets this process go and leaves a kept run up: closes the port forwarders, removes the temp files. */
  release(): void {
    process.removeListener('exit', this.onExit);
    this.closers.splice(0).forEach((c) => c());
    rmSync(this.dir, { recursive: true, force: true });
  }

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

/** Resolves once an SSH server greets on 127.0.0.1:port (its `SSH-` banner), retrying until `withinMs` has passed. */
export async function sshBanner(port: number, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  for (let attempt = 0; Date.now() < until; attempt++) {
    const greeted = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      const done = (ok: boolean): void => {
        sock.destroy();
        resolve(ok);
      };
      sock.setTimeout(5000, () => done(false));
      sock.once('data', (d) => done(d.toString('latin1').startsWith('SSH-')));
      sock.once('error', () => done(false));
      sock.once('close', () => done(false));
    });
    if (greeted) return;
    await new Promise((r) => setTimeout(r, Math.min(2000, 200 * (attempt + 1))));
  }
  throw new Error(`no SSH banner on 127.0.0.1:${port} within ${Math.round(withinMs / 1000)} s`);
}
