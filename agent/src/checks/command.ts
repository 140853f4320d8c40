import { spawn } from 'node:child_process';
import type { CommandCheck } from '../../../extension/src/core/generated/protocol';
import type { CheckRunner } from '../context';
import { assertEqual, skipAll } from '../compare';
import { reportMatchers } from '../matchers/text';
import { msg } from '../messages';

/** Bytes of stdout and stderr kept per command; the rest is dropped so a flood cannot exhaust memory. */
export const MAX_OUTPUT = 1024 * 1024;

interface Captured { code: number | null; signal: string | null; stdout: string; stderr: string; truncated: boolean }

function capture(c: CommandCheck, cwd: string, signal: AbortSignal): Promise<Captured> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(c.exec[0], c.exec.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const sizes = { out: 0, err: 0 };
    let truncated = false;
    const keep = (chunks: Buffer[], key: 'out' | 'err') => (b: Buffer): void => {
      const room = MAX_OUTPUT - sizes[key];
      if (room <= 0) { truncated = true; return; }
      chunks.push(b.length > room ? b.subarray(0, room) : b);
      sizes[key] += Math.min(room, b.length);
      if (b.length > room) truncated = true;
    };
    child.stdout.on('data', keep(out, 'out'));
    child.stderr.on('data', keep(err, 'err'));
    // Kill the whole process group: a script's children must not outlive a timeout.
    const kill = (): void => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
    signal.addEventListener('abort', kill, { once: true });
    child.on('error', (e) => { signal.removeEventListener('abort', kill); reject(e); });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', kill);
      resolveRun({ code, signal: sig, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), truncated });
    });
    child.stdin.on('error', () => { /* the program may not read stdin */ });
    child.stdin.end(c.stdin ?? '');
  });
}

/** command: runs argv without a shell in the workspace folder; asserts exit status and output. */
export const command: CheckRunner<CommandCheck> = async (c, ctx) => {
  let run: Captured;
  try {
    run = await capture(c, ctx.cwd, ctx.signal);
  } catch (e) {
    const reason = msg(ctx.lang, 'spawnFailed', c.exec[0], (e as Error).message);
    ctx.report({ property: 'exec', status: 'error', expected: c.exec, actual: null, message: reason });
    const props = [...(c.exitStatus !== undefined ? ['exitStatus'] : []), ...(c.stdout ?? []).map((_, i) => `stdout[${i}]`), ...(c.stderr ?? []).map((_, i) => `stderr[${i}]`)];
    skipAll(ctx, props, reason);
    return;
  }
  if (ctx.signal.aborted) return;
  assertEqual(ctx, 'exitStatus', c.exitStatus, run.code ?? run.signal);
  const note = run.truncated ? msg(ctx.lang, 'truncated', MAX_OUTPUT) : '';
  const withNote = (o: Parameters<typeof ctx.report>[0]): void => ctx.report(note && o.status === 'fail' ? { ...o, message: o.message + note } : o);
  reportMatchers({ ...ctx, report: withNote }, 'stdout', run.stdout, c.stdout);
  reportMatchers({ ...ctx, report: withNote }, 'stderr', run.stderr, c.stderr);
};
