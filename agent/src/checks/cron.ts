import type { CronCheck, Matcher } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { CronEntry } from '../system/cron';
import { skipBecause } from '../compare';
import { evaluate } from '../matchers/evaluate';
import { because } from '../reason';

/** The cron macros and the five fields they stand for (crontab(5)). */
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** A schedule with collapsed whitespace and macros spelled out, so `@daily` equals `0 0 * * *`. */
export function canonicalSchedule(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return MACROS[t.toLowerCase()] ?? t;
}

const source = (e: CronEntry): string => `${e.path}:${e.line}`;

/** The entries the check is about: those whose command and timer satisfy the given matchers. */
async function select(c: CronCheck, entries: CronEntry[], ctx: CheckContext): Promise<CronEntry[]> {
  const timer = c.timer === undefined ? undefined : c.timer.endsWith('.timer') ? c.timer : `${c.timer}.timer`;
  const chosen: CronEntry[] = [];
  for (const e of entries) {
    if (timer !== undefined && e.timer !== timer) continue;
    if (c.command !== undefined && !(await evaluate(c.command as Matcher, e.command, ctx)).ok) continue;
    chosen.push(e);
  }
  return chosen;
}

/** Reports a property that holds when any chosen entry satisfies it; the evidence is that entry, or the first. */
async function expectSome(
  ctx: CheckContext,
  property: string,
  expected: Matcher | undefined,
  chosen: CronEntry[],
  value: (e: CronEntry) => string,
): Promise<void> {
  if (expected === undefined) return;
  for (const e of chosen) {
    const v = await evaluate(expected, value(e), ctx);
    if (v.error) {
      ctx.report({ property, status: 'error', expected, actual: value(e), reason: v.error, path: e.path, line: e.line });
      return;
    }
    if (v.ok) {
      ctx.report({ property, status: 'pass', expected, actual: value(e), reason: because('pass', { property }), path: e.path, line: e.line });
      return;
    }
  }
  const actual = chosen.length === 1 ? value(chosen[0]) : chosen.map(value);
  ctx.report({
    property,
    status: 'fail',
    expected,
    actual,
    reason: because('mismatch', { property, expected, actual }),
    path: chosen[0].path,
    line: chosen[0].line,
  });
}

/** cron: a job in user crontabs, /etc/crontab, /etc/cron.d or a systemd timer, found by command or timer name; asserts its user and schedule. */
export const cron: CheckRunner<CronCheck> = async (c, ctx) => {
  const wantExists = c.exists ?? true;
  const asserted = (['user', 'schedule'] as const).filter((k) => c[k] !== undefined);
  const table = await ctx.system.cron(ctx.signal);
  const chosen = await select(c, table.entries, ctx);
  const wanted = { job: c.timer ?? c.command };
  if (!chosen.length && c.timer === undefined && table.unreadable.length) {
    // The job may sit in a crontab this agent cannot read: no verdict, and the fix is to run as root.
    const denied = table.unreadable.some((u) => u.error === 'EACCES' || u.error === 'EPERM');
    const reason = because(denied ? 'cron.needsRoot' : 'cron.unreadable', { paths: table.unreadable.map((u) => u.path), error: table.unreadable[0].error });
    ctx.report({ property: 'exists', status: 'error', expected: wantExists, actual: null, reason });
    skipBecause(ctx, asserted, reason);
    return;
  }
  const sources = chosen.map(source);
  const ok = chosen.length > 0 === wantExists;
  const reason = ok ? because('pass', { property: 'exists' }) : wantExists ? because('cron.noEntry', wanted) : because('cron.unwanted', { ...wanted, sources });
  const evidence = chosen[0] ? { path: chosen[0].path, line: chosen[0].line } : {};
  ctx.report({ property: 'exists', status: ok ? 'pass' : 'fail', expected: wantExists, actual: sources, reason, ...evidence });
  if (!chosen.length) {
    if (wantExists) skipBecause(ctx, asserted, because('cron.noEntry', wanted));
    return;
  }
  if (!wantExists) return;
  await expectSome(ctx, 'user', c.user, chosen, (e) => e.user);
  const schedule = typeof c.schedule === 'string' ? canonicalSchedule(c.schedule) : c.schedule;
  await expectSome(ctx, 'schedule', schedule, chosen, (e) => (typeof c.schedule === 'string' ? canonicalSchedule(e.schedule) : e.schedule));
};
