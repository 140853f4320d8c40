import type { ProcessCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { ProcessInfo } from '../system/processes';
import { assertEqual, errorAll, skipBecause } from '../compare';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';

/** The kernel keeps 15 bytes of a command name (TASK_COMM_LEN): a longer name is compared on its prefix. */
const COMM_LEN = 15;

/** Asserted properties besides `running`, in report order. */
function properties(c: ProcessCheck): string[] {
  return [...(c.user !== undefined ? ['user'] : []), ...(c.args ?? []).map((_, i) => `args[${i}]`)];
}

/** process: whether processes of a command name run, as which user, with which arguments (/proc). */
export const processCheck: CheckRunner<ProcessCheck> = async (c, ctx) => {
  const comm = c.comm.length > COMM_LEN ? c.comm.slice(0, COMM_LEN) : c.comm;
  let all: ProcessInfo[];
  try {
    // Named: only these processes' cmdline and status are read.
    all = await ctx.system.processes(comm);
  } catch (e) {
    errorAll(ctx, ['running', ...properties(c)], because('process.readFailed', { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    return;
  }
  const found = all.filter((p) => p.comm === comm);
  const wantRunning = c.running ?? true;
  assertEqual(ctx, 'running', wantRunning, found.length > 0);
  if (found.length === 0) {
    if (wantRunning) skipBecause(ctx, properties(c), because('process.notRunning', { comm: c.comm }));
    return;
  }
  if (!wantRunning) return;
  if (c.user !== undefined) {
    const passwd = await ctx.system.passwd().catch(() => []);
    const users = [...new Set(found.map((p) => passwd.find((u) => u.uid === p.uid)?.name ?? String(p.uid)))].sort();
    // Goss semantics for a set: pass when any matching process runs as the user; the actual value lists them all.
    const ok = users.includes(c.user);
    ctx.report({ property: 'user', status: ok ? 'pass' : 'fail', expected: c.user, actual: users, reason: because(ok ? 'pass' : 'mismatch', { property: 'user', expected: c.user, actual: users }) });
  }
  // One line per process, so `contains` means "some process" and `notContains` "no process".
  await reportMatchers(ctx, 'args', { text: found.map((p) => p.args.join(' ')).join('\n') }, c.args);
};
