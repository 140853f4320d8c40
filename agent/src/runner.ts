import type { Check, Counts, RunRequest } from '../../extension/src/core/generated/protocol';
import type { CheckContext, Outcome } from './context';
import type { Lang } from './messages';
import { msg } from './messages';
import { emit } from './protocol';
import { checkTypes, registry } from './registry';

/** Default per-check timeout when neither the check nor the request sets one. */
export const DEFAULT_TIMEOUT_MS = 30_000;

interface Job { criterionId: string; checkIndex: number; check: Check }

/** Runs one check under its timeout; never throws: failures become `error` results. */
async function runJob(job: Job, req: RunRequest, cwd: string, counts: Counts): Promise<void> {
  const lang: Lang = req.lang ?? 'fr';
  const started = Date.now();
  const timeoutMs = job.check.timeoutMs ?? req.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let open = true;
  const report = (o: Outcome): void => {
    if (!open) return;
    counts[o.status]++;
    emit({ event: 'result', criterionId: job.criterionId, checkIndex: job.checkIndex, checkType: job.check.type, durationMs: Date.now() - started, ...o });
  };
  const ctx: CheckContext = { lang, cwd, signal: abort.signal, report };
  const runner = (registry as Record<string, ((c: Check, x: CheckContext) => Promise<void>) | undefined>)[job.check.type];
  if (!runner) {
    report({ property: 'type', status: 'error', expected: checkTypes, actual: job.check.type, message: msg(lang, 'unknownType', job.check.type, checkTypes.join(', ')) });
    emit({ event: 'checkEnd', criterionId: job.criterionId, checkIndex: job.checkIndex, durationMs: 0 });
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  try {
    const outcome = await Promise.race([runner(job.check, ctx).then(() => 'done' as const), timeout]);
    if (outcome === 'timeout') {
      abort.abort();
      report({ property: 'check', status: 'error', expected: { timeoutMs }, actual: null, message: msg(lang, 'timeout', timeoutMs) });
    }
  } catch (e) {
    report({ property: 'check', status: 'error', actual: String((e as Error)?.message ?? e), message: msg(lang, 'crashed', (e as Error)?.message ?? String(e)) });
  } finally {
    clearTimeout(timer);
    open = false;
    emit({ event: 'checkEnd', criterionId: job.criterionId, checkIndex: job.checkIndex, durationMs: Date.now() - started });
  }
}

/** Runs every check of the request with bounded concurrency; results stream in completion order. */
export async function runAll(req: RunRequest, cwd: string): Promise<Counts> {
  const counts: Counts = { pass: 0, fail: 0, skip: 0, error: 0 };
  const jobs: Job[] = req.criteria.flatMap((c) => c.checks.map((check, i) => ({ criterionId: c.id, checkIndex: c.checkIndexes?.[i] ?? i, check })));
  const width = Math.max(1, Math.min(req.concurrency ?? 4, jobs.length));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await runJob(jobs[next++], req, cwd, counts);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return counts;
}
