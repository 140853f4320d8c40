import type { Check, Counts, RunRequest } from '../../schemas/generated/types';
import type { CheckContext, Outcome, RunServices } from './context';
import { MAX_TIMEOUT_MS } from './limits';
import { emit } from './protocol';
import { because } from './reason';
import { checkTypes, registry } from './registry';

/** Default per-check timeout when neither the check nor the request sets one. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Time a check gets, once aborted, to report which property its deadline cut (a regex, a read). */
const ABORT_GRACE_MS = 50;

interface Job { criterionId: string; checkIndex: number; check: Check }

/** True for a timer delay Node honours; larger ones fire at once. */
export function validTimeout(ms: unknown): ms is number {
  return Number.isInteger(ms) && (ms as number) >= 1 && (ms as number) <= MAX_TIMEOUT_MS;
}

/** Runs one check under its timeout; never throws: failures become `error` results. */
async function runJob(job: Job, req: RunRequest, cwd: string, services: RunServices, counts: Counts): Promise<void> {
  const started = Date.now();
  const timeoutMs = job.check.timeoutMs ?? req.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let open = true;
  let errorsAfterAbort = 0;
  const report = (o: Outcome): void => {
    if (!open) return;
    if (abort.signal.aborted && o.status === 'error') errorsAfterAbort++;
    counts[o.status]++;
    emit({ event: 'result', criterionId: job.criterionId, checkIndex: job.checkIndex, checkType: job.check.type, durationMs: Date.now() - started, ...o });
  };
  const end = (): void => {
    open = false;
    emit({ event: 'checkEnd', criterionId: job.criterionId, checkIndex: job.checkIndex, durationMs: Date.now() - started });
  };
  const runner = (registry as Record<string, ((c: Check, x: CheckContext) => Promise<void>) | undefined>)[job.check.type];
  if (!runner) {
    report({ property: 'type', status: 'error', expected: checkTypes, actual: job.check.type, reason: because('run.unknownType', { type: job.check.type, known: checkTypes.join(', ') }) });
    return end();
  }
  if (!validTimeout(timeoutMs)) {
    report({ property: 'timeoutMs', status: 'error', expected: { max: MAX_TIMEOUT_MS }, actual: timeoutMs, reason: because('run.badTimeout', { max: MAX_TIMEOUT_MS, actual: timeoutMs }) });
    return end();
  }
  const ctx: CheckContext = { ...services, cwd, signal: abort.signal, timeoutMs, report };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  const running = runner(job.check, ctx).then(() => 'done' as const);
  // A check that rejects after its timeout has been reported must not become an unhandled rejection.
  running.catch(() => undefined);
  try {
    const outcome = await Promise.race([running, timeout]);
    if (outcome === 'timeout') {
      abort.abort();
      // Let the check name what its deadline cut (e.g. the regex it was matching) before the generic timeout.
      await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, ABORT_GRACE_MS))]);
      if (errorsAfterAbort === 0) {
        report({ property: 'check', status: 'error', expected: { timeoutMs }, actual: null, reason: because('run.timeout', { timeoutMs }) });
      }
    }
  } catch (e) {
    const error = String((e as Error)?.message ?? e);
    report({ property: 'check', status: 'error', actual: error, reason: because('run.crashed', { error }) });
  } finally {
    clearTimeout(timer);
    end();
  }
}

/** Runs every check of the request with bounded concurrency; results stream in completion order. */
export async function runAll(req: RunRequest, cwd: string, services: RunServices): Promise<Counts> {
  const counts: Counts = { pass: 0, fail: 0, skip: 0, error: 0 };
  const jobs: Job[] = req.criteria.flatMap((c) => c.checks.map((check, i) => ({ criterionId: c.id, checkIndex: c.checkIndexes?.[i] ?? i, check })));
  const width = Math.max(1, Math.min(req.concurrency ?? 4, jobs.length));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await runJob(jobs[next++], req, cwd, services, counts);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return counts;
}
