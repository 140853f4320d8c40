import { childProcess } from '../lazy';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { track } from '../cleanup';
import { MAX_OUTPUT } from '../limits';
import { childEnv } from '../child-env';

/** How a system tool ended: its exit and output, or that it is not installed. */
export type ToolRun =
  | { kind: 'ran'; code: number | null; stdout: string; stderr: string; truncated: boolean }
  | { kind: 'missing'; tool: string }
  | { kind: 'failed'; error: string }
  | { kind: 'aborted' };

// Daemons and validators live in sbin, which a non-root login's PATH on Debian lacks.
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The absolute path of an executable named `tool` on PATH or in the sbin folders, or null. */
export async function findTool(tool: string): Promise<string | null> {
  if (tool.includes('/'))
    return access(tool, constants.X_OK).then(
      () => tool,
      () => null,
    );
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const path = join(dir, tool);
    if (
      await access(path, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return null;
}

/**
 * Runs a tool (argv, no shell) in its own process group, killed as a group on abort; stdout and stderr are each
 * capped at 1 MiB (or `maxBytes`). The locale is C so the messages parsed for file:line are the untranslated ones.
 */
export async function runTool(
  argv: string[],
  signal: AbortSignal,
  input?: string,
  opts: { env?: NodeJS.ProcessEnv; maxBytes?: number } = {},
): Promise<ToolRun> {
  const cap = opts.maxBytes ?? MAX_OUTPUT;
  const path = await findTool(argv[0]);
  if (!path) return { kind: 'missing', tool: argv[0] };
  if (signal.aborted) return { kind: 'aborted' };
  return new Promise((resolve) => {
    const env = { ...childEnv(), LC_ALL: 'C', LANG: 'C', SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0', ...opts.env };
    const child = childProcess().spawn(path, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
    const untrack = track(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const size = { out: 0, err: 0 };
    let truncated = false;
    const keep =
      (chunks: Buffer[], key: 'out' | 'err') =>
      (b: Buffer): void => {
        const room = cap - size[key];
        if (b.length > room) truncated = true;
        if (room <= 0) return;
        chunks.push(b.length > room ? b.subarray(0, room) : b);
        size[key] += Math.min(room, b.length);
      };
    child.stdout.on('data', keep(out, 'out'));
    child.stderr.on('data', keep(err, 'err'));
    const kill = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    signal.addEventListener('abort', kill, { once: true });
    const done = (r: ToolRun): void => {
      signal.removeEventListener('abort', kill);
      untrack();
      resolve(signal.aborted ? { kind: 'aborted' } : r);
    };
    child.on('error', (e) => done({ kind: 'failed', error: (e as NodeJS.ErrnoException).code ?? e.message }));
    child.on('close', (code) =>
      done({ kind: 'ran', code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), truncated }),
    );
    child.stdin.on('error', () => {
      /* the tool may not read stdin */
    });
    child.stdin.end(input ?? '');
  });
}
