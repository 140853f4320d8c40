import type { Check, Counts, Reason, RunRequest, Status } from '../../schemas/generated/types';
import type { CheckContext, Outcome, RunServices } from './context';
import { MAX_TIMEOUT_MS } from './limits';
import { planJobs, type Job } from './plan';
import { prefetch } from './prefetch';
import { emit } from './protocol';
import { because } from './reason';
import { checkTypes, registry } from './registry';

/** Default per-check timeout when neither the check nor the request sets one. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Time a check gets, once aborted, to report which property its deadline cut (a regex, a read). */
const ABORT_GRACE_MS = 50;
/** Pause between two attempts of a `retry` check when it names none. */
export const DEFAULT_RETRY_INTERVAL_MS = 1000;

/** True for a timer delay Node honours; larger ones fire at once. */
export function validTimeout(ms: unknown): ms is number {
  return Number.isInteger(ms) && (ms as number) >= 1 && (ms as number) <= MAX_TIMEOUT_MS;
}

type Runner = (c: Check, x: CheckContext) => Promise<void>;

/** One attempt of a check under its timeout; never throws: a crash or a timeout becomes an `error` outcome. */
async function attempt(runner: Runner, check: Check, base: Omit<CheckContext, 'signal' | 'report'>, sink: (o: Outcome) => void): Promise<void> {
  const { timeoutMs } = base;
  const abort = new AbortController();
  let open = true;
  let errorsAfterAbort = 0;
  const report = (o: Outcome): void => {
    if (!open) return;
    if (abort.signal.aborted && o.status === 'error') errorsAfterAbort++;
    sink(o);
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  const running = runner(check, { ...base, signal: abort.signal, report }).then(() => 'done' as const);
  // A check that rejects after its timeout has been reported must not become an unhandled rejection.
  running.catch(() => undefined);
  try {
    const outcome = await Promise.race([running, timeout]);
    if (outcome === 'timeout') {
      abort.abort();
      // Let the check name what its deadline cut (e.g. the regex it was matching) before the generic timeout.
      await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, ABORT_GRACE_MS))]);
      if (errorsAfterAbort === 0)
        report({ property: 'check', status: 'error', expected: { timeoutMs }, actual: null, reason: because('run.timeout', { timeoutMs }) });
    }
  } catch (e) {
    const error = String((e as Error)?.message ?? e);
    report({ property: 'check', status: 'error', actual: error, reason: because('run.crashed', { error }) });
  } finally {
    clearTimeout(timer);
    open = false;
  }
}

/** Adds the number of attempts to an outcome's reason, so the report says how long the state took to converge. */
function withAttempts(o: Outcome, attempts: number): Outcome {
  if (o.reason) return { ...o, reason: { code: o.reason.code, params: { ...o.reason.params, attempts } } };
  // A check still wording its own verdict (assertEqual): the same sentence as data, so the count can travel with it.
  if (o.status === 'pass') return { ...o, reason: because('pass', { property: o.property, attempts }) };
  if (o.status === 'fail') return { ...o, reason: because('mismatch', { property: o.property, expected: o.expected, actual: o.actual, attempts }) };
  return o;
}

/**
 * Re-runs a converging check until all its properties pass or its retry window ends; only the last attempt's outcomes
 * are reported (the earlier ones are buffered, then dropped).
 */
async function retrying(runner: Runner, check: Check, base: Omit<CheckContext, 'signal' | 'report'>, sink: (o: Outcome) => void): Promise<void> {
  const retry = (check as { retry?: { timeoutMs?: unknown; intervalMs?: unknown } }).retry ?? {};
  // The request is not schema-checked by the agent: a window that is not a valid delay means one attempt, never a spin.
  const until = Date.now() + (validTimeout(retry.timeoutMs) ? retry.timeoutMs : 0);
  const interval = validTimeout(retry.intervalMs) ? retry.intervalMs : DEFAULT_RETRY_INTERVAL_MS;
  let attempts = 0;
  for (;;) {
    const outcomes: Outcome[] = [];
    // Facts are read once per run; each new attempt looks at the machine again, or the state could never converge.
    await attempt(runner, check, attempts === 0 ? base : { ...base, system: base.system.fresh() }, (o) => outcomes.push(o));
    attempts++;
    const passed = outcomes.length > 0 && outcomes.every((o) => o.status === 'pass');
    if (passed || Date.now() + interval >= until) {
      for (const o of outcomes) sink(withAttempts(o, attempts));
      return;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Runs one job: waits for its prerequisites, then runs it (with retries); resolves to whether every property passed. */
async function runJob(job: Job, verdicts: Array<Promise<boolean>>, req: RunRequest, cwd: string, services: RunServices, counts: Counts): Promise<boolean> {
  const timeoutMs = job.check.timeoutMs ?? req.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const statuses: Status[] = [];
  let started = Date.now();
  const report = (o: Outcome): void => {
    counts[o.status]++;
    statuses.push(o.status);
    emit({ event: 'result', criterionId: job.criterionId, checkIndex: job.checkIndex, checkType: job.check.type, durationMs: Date.now() - started, ...o });
  };
  const runner = (registry as Record<string, Runner | undefined>)[job.check.type];
  if (job.problem) {
    report({ property: 'needs', status: 'error', actual: null, reason: job.problem });
  } else if (!runner) {
    report({
      property: 'type',
      status: 'error',
      expected: checkTypes,
      actual: job.check.type,
      reason: because('run.unknownType', { type: job.check.type, known: checkTypes.join(', ') }),
    });
  } else if (!validTimeout(timeoutMs)) {
    report({
      property: 'timeoutMs',
      status: 'error',
      expected: { max: MAX_TIMEOUT_MS },
      actual: timeoutMs,
      reason: because('run.badTimeout', { max: MAX_TIMEOUT_MS, actual: timeoutMs }),
    });
  } else {
    const failed = await firstFailed(job, verdicts);
    started = Date.now();
    if (failed) report({ property: 'needs', status: 'skip', reason: because('skipped', { why: failed }) });
    else {
      const base = { ...services, cwd, timeoutMs };
      await ((job.check as { retry?: unknown }).retry ? retrying : attempt)(runner, job.check, base, report);
    }
  }
  emit({ event: 'checkEnd', criterionId: job.criterionId, checkIndex: job.checkIndex, durationMs: Date.now() - started });
  return statuses.length > 0 && statuses.every((s) => s === 'pass');
}

/** The first prerequisite, in order, that did not pass (failed, errored or skipped); undefined when all passed. */
async function firstFailed(job: Job, verdicts: Array<Promise<boolean>>): Promise<Reason | undefined> {
  for (const need of job.needs) if (!(await verdicts[need.job])) return need.label;
  return undefined;
}

/**
 * Check types answered from memoised facts (a stat, a parsed table): microseconds each once the fact is read. Every
 * other type waits on something outside the agent (a child process, a server, a tool), for milliseconds.
 */
const FACT_TYPES = new Set(['file', 'user', 'group', 'package', 'port', 'process', 'kernelParam', 'mount', 'route']);

/**
 * Hands out jobs to `width` workers. With more than one worker, the jobs that wait on the outside and need nothing go
 * first, on at most width - 1 workers while fact checks remain: their waits overlap the fact checks instead of following
 * them, and the fact checks never wait behind a full set of slow ones. Those early jobs need nothing and never block, so
 * a job waiting on a prerequisite still queued always sees it started. With one worker, the request's order is kept.
 */
function dispatcher(jobs: Job[], width: number): { take(): number | undefined; done(i: number): void } {
  const early = (j: Job): boolean => width > 1 && j.needs.length === 0 && !j.problem && !FACT_TYPES.has(j.check.type);
  const slow = jobs.map((_, i) => i).filter((i) => early(jobs[i]));
  const rest = jobs.map((_, i) => i).filter((i) => !early(jobs[i]));
  let slowRunning = 0;
  let s = 0;
  let r = 0;
  return {
    take() {
      if (s < slow.length && (slowRunning < width - 1 || r === rest.length)) {
        slowRunning++;
        return slow[s++];
      }
      return r < rest.length ? rest[r++] : undefined;
    },
    done(i) {
      if (early(jobs[i])) slowRunning--;
    },
  };
}

/** Runs every check of the request with bounded concurrency, prerequisites first; results stream in completion order. */
export async function runAll(req: RunRequest, cwd: string, services: RunServices): Promise<Counts> {
  const counts: Counts = { pass: 0, fail: 0, skip: 0, error: 0 };
  const jobs = planJobs(req);
  prefetch(
    services.system,
    jobs.map((j) => j.check),
  );
  const settle: Array<(ok: boolean) => void> = [];
  const verdicts = jobs.map(() => new Promise<boolean>((r) => settle.push(r)));
  const width = Math.max(1, Math.min(req.concurrency ?? 4, jobs.length));
  const queue = dispatcher(jobs, width);
  const worker = async (): Promise<void> => {
    for (let i = queue.take(); i !== undefined; i = queue.take()) {
      const ok = await runJob(jobs[i], verdicts, req, cwd, services, counts).catch(() => false);
      queue.done(i);
      settle[i](ok);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return counts;
}
