import { childProcess } from '../lazy';
import type { CommandCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { errorAll, expectThat, skipBecause } from '../compare';
import { MAX_OUTPUT } from '../limits';
import { reportMatchers } from '../matchers/text';
import { because, type Reason } from '../reason';
import { asUser, findSetpriv, resolveRunAs, setprivExecFailure, type Spawnable } from '../run-as';
import { track } from '../cleanup';
import { childEnv } from '../child-env';

interface Captured {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: { out: boolean; err: boolean };
}

function capture(what: Spawnable, stdin: string | undefined, signal: AbortSignal): Promise<Captured> {
  return new Promise((resolveRun, reject) => {
    // No stdin given: /dev/null, as `cmd </dev/null`. A pipe here is a socket (libuv's), which bash takes for an rshd
    // connection: `bash -c` would read ~/.bashrc (see child-env.ts).
    const input = stdin === undefined ? 'ignore' : 'pipe';
    const child = childProcess().spawn(what.file, what.args, { cwd: what.cwd, env: what.env, stdio: [input, 'pipe', 'pipe'], detached: true });
    const untrack = track(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const sizes = { out: 0, err: 0 };
    const truncated = { out: false, err: false };
    const keep =
      (chunks: Buffer[], key: 'out' | 'err') =>
      (b: Buffer): void => {
        const room = MAX_OUTPUT - sizes[key];
        if (room <= 0) {
          truncated[key] = true;
          return;
        }
        chunks.push(b.length > room ? b.subarray(0, room) : b);
        sizes[key] += Math.min(room, b.length);
        if (b.length > room) truncated[key] = true;
      };
    child.stdout!.on('data', keep(out, 'out'));
    child.stderr!.on('data', keep(err, 'err'));
    // Kill the whole process group: a script's children must not outlive a timeout.
    const kill = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    signal.addEventListener('abort', kill, { once: true });
    child.on('error', (e) => {
      signal.removeEventListener('abort', kill);
      untrack();
      reject(e);
    });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', kill);
      untrack();
      resolveRun({ code, signal: sig, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), truncated });
    });
    if (stdin === undefined) return;
    child.stdin!.on('error', () => {
      /* the program may not read stdin */
    });
    child.stdin!.end(stdin);
  });
}

/** The asserted properties besides `exec`, for skips and errors. */
function properties(c: CommandCheck): string[] {
  return [
    ...(c.exitStatus !== undefined ? ['exitStatus'] : []),
    ...(c.stdout ?? []).map((_, i) => `stdout[${i}]`),
    ...(c.stderr ?? []).map((_, i) => `stderr[${i}]`),
  ];
}

/** What to spawn: argv itself in the workspace folder, or through setpriv as `runAs`; or why it cannot run. */
async function prepare(c: CommandCheck, ctx: CheckContext): Promise<Spawnable | Reason> {
  const self: Spawnable = { file: c.exec[0], args: c.exec.slice(1), env: childEnv(), cwd: ctx.cwd };
  if (c.runAs === undefined) return self;
  const as = await resolveRunAs(ctx.system, c.runAs);
  if (as.kind === 'failed') return as.reason;
  if (as.kind === 'self') return self;
  const setpriv = await findSetpriv();
  if (!setpriv) return because('runAs.noSetpriv', { user: c.runAs });
  return asUser(as.identity, c.exec, setpriv);
}

/** command: runs argv without a shell (in the workspace folder, or as `runAs`); asserts exit status and output. */
export const command: CheckRunner<CommandCheck> = async (c, ctx) => {
  const what = await prepare(c, ctx);
  if ('code' in what) {
    // A user that cannot be switched to (no root, no such user) leaves nothing to assert: an error, never a fail.
    errorAll(ctx, ['runAs'], what, c.runAs);
    skipBecause(ctx, properties(c), what);
    return;
  }
  let run: Captured;
  try {
    run = await capture(what, c.stdin, ctx.signal);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = because('command.spawnFailed', { program: c.exec[0], error: err.code ?? err.message });
    ctx.report({ property: 'exec', status: 'error', expected: c.exec, actual: null, reason });
    skipBecause(ctx, properties(c), reason);
    return;
  }
  if (ctx.signal.aborted) return;
  const notStarted = c.runAs !== undefined ? setprivExecFailure(run.code, run.stderr) : undefined;
  if (notStarted) {
    const reason = because('command.spawnFailed', { program: c.exec[0], error: notStarted });
    ctx.report({ property: 'exec', status: 'error', expected: c.exec, actual: null, reason });
    skipBecause(ctx, properties(c), reason);
    return;
  }
  await expectThat(ctx, 'exitStatus', c.exitStatus, run.code ?? run.signal);
  const cut = (flag: boolean): { limit: number } | undefined => (flag ? { limit: MAX_OUTPUT } : undefined);
  await reportMatchers(ctx, 'stdout', { text: run.stdout, truncated: cut(run.truncated.out) }, c.stdout);
  await reportMatchers(ctx, 'stderr', { text: run.stderr, truncated: cut(run.truncated.err) }, c.stderr);
};
