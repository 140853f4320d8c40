import { childProcess } from '../lazy';
import { existsSync } from 'node:fs';
import { track } from '../cleanup';
import { MAX_OUTPUT } from '../limits';

/** A user to run as, resolved from /etc/passwd by the caller. */
export interface RunAsUser {
  name: string;
  uid: number;
  gid: number;
}

/** What a run needs: argv (never a shell string), a folder, a complete environment, its input and its deadline. */
export interface SpawnRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdin?: string;
  signal: AbortSignal;
  as?: RunAsUser;
  /** Bytes kept per stream (default 1 MiB); the rest is dropped and flagged. */
  cap?: number;
}

/** A finished run: exit code or signal, the kept output, and whether each stream was cut. */
export interface Captured {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: { stdout: boolean; stderr: boolean };
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/**
 * The argv that runs `argv` as `as`. setpriv (util-linux) sets the user's supplementary groups too, which Node's own
 * uid/gid options drop; without setpriv, Node's options are used and group memberships are lost.
 * Minimal on purpose: swap for the shared run-as helper when it lands (see the report of branch h-data).
 */
export function asUserArgv(argv: string[], as: RunAsUser | undefined): { argv: string[]; uid?: number; gid?: number } {
  if (!as) return { argv };
  if (SETPRIV) return { argv: [SETPRIV, `--reuid=${as.uid}`, `--regid=${as.gid}`, '--init-groups', '--', ...argv] };
  return { argv, uid: as.uid, gid: as.gid };
}

/** Runs argv in its own process group; the whole group is killed when the signal aborts; output is capped. */
export function spawnCaptured(req: SpawnRequest): Promise<Captured> {
  const cap = req.cap ?? MAX_OUTPUT;
  const how = asUserArgv(req.argv, req.as);
  return new Promise((resolveRun, reject) => {
    const child = childProcess().spawn(how.argv[0], how.argv.slice(1), {
      cwd: req.cwd,
      env: req.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      uid: how.uid,
      gid: how.gid,
    });
    const untrack = track(child);
    const kept = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const sizes = { stdout: 0, stderr: 0 };
    const truncated = { stdout: false, stderr: false };
    const keep =
      (key: 'stdout' | 'stderr') =>
      (b: Buffer): void => {
        const room = cap - sizes[key];
        if (b.length > room) truncated[key] = true;
        if (room <= 0) return;
        kept[key].push(b.length > room ? b.subarray(0, room) : b);
        sizes[key] += Math.min(room, b.length);
      };
    child.stdout.on('data', keep('stdout'));
    child.stderr.on('data', keep('stderr'));
    // The whole process group: a script's children must not outlive its deadline.
    const kill = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    if (req.signal.aborted) kill();
    req.signal.addEventListener('abort', kill, { once: true });
    child.on('error', (e) => {
      req.signal.removeEventListener('abort', kill);
      untrack();
      reject(e);
    });
    child.on('close', (code, sig) => {
      req.signal.removeEventListener('abort', kill);
      untrack();
      const text = (k: 'stdout' | 'stderr'): string => Buffer.concat(kept[k]).toString('utf8');
      resolveRun({ code, signal: sig, stdout: text('stdout'), stderr: text('stderr'), truncated });
    });
    child.stdin.on('error', () => {
      /* the program may not read stdin */
    });
    child.stdin.end(req.stdin ?? '');
  });
}

/** The environment a sandboxed run starts from: nothing inherited from the agent (no tokens, no SSH_AUTH_SOCK). */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: home, LANG: 'C.UTF-8', ...extra };
}

/** Whether the agent runs as root (needed to run as another user or read protected trees). */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}
