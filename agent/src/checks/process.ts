import type { ProcessCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { ProcessInfo } from '../system/processes';
import { expectThat, errorAll, skipBecause } from '../compare';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';
import { evaluate } from '../matchers/evaluate';

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
  await expectThat(ctx, 'running', c.running ?? true, found.length > 0);
  // Whether the check expects processes (then their other properties are asserted), whatever form `running` takes.
  const wantRunning = (await evaluate(c.running ?? true, true, ctx)).ok;
  if (found.length === 0) {
    if (wantRunning) skipBecause(ctx, properties(c), because('process.notRunning', { comm: c.comm }));
    return;
  }
  if (!wantRunning) return;
  if (c.user !== undefined) {
    const passwd = await ctx.system.passwd().catch(() => []);
    const users = [...new Set(found.map((p) => passwd.find((u) => u.uid === p.uid)?.name ?? String(p.uid)))].sort();
    // Goss semantics for a set: a name passes when any matching process runs as the user; an operator applies to the
    // list of users (`{not: {contains: root}}`). The actual value lists them all.
    if (typeof c.user === 'string') {
      const ok = users.includes(c.user);
      ctx.report({
        property: 'user',
        status: ok ? 'pass' : 'fail',
        expected: c.user,
        actual: users,
        reason: because(ok ? 'pass' : 'mismatch', { property: 'user', expected: c.user, actual: users }),
      });
    } else await expectThat(ctx, 'user', c.user, users);
  }
  // One line per process, so `contains` means "some process" and `notContains` "no process".
  await reportMatchers(ctx, 'args', { text: found.map((p) => p.args.join(' ')).join('\n') }, c.args);
};
