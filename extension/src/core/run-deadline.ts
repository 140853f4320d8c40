import type { RunRequest } from '../../../schemas/generated/types';

/** The agent's timeout for a check that names none (agent/src/runner.ts). */
const AGENT_DEFAULT_TIMEOUT_MS = 30_000;
/** Room for connecting, uploading the agent, its start-up and the report: the deadline is a backstop, not a limit. */
export const RUN_DEADLINE_MARGIN_MS = 60_000;
/** No run waits longer than this, whatever its checks ask. */
export const RUN_DEADLINE_CAP_MS = 30 * 60_000;
/** After an abort, how long the transport gets to let go before the run ends without it. */
const ABORT_GRACE_MS = 2_000;

/**
 * The longest an honest agent can take: its checks run `concurrency` at a time, each ended by its timeout,
 * so no schedule exceeds sum/width + max (list scheduling bound). Plus a margin, capped.
 */
export function runDeadlineMs(req: Pick<RunRequest, 'criteria' | 'concurrency' | 'defaultTimeoutMs'>): number {
  const timeouts = req.criteria.flatMap((c) =>
    c.checks.map((k) => {
      const ms = (k as { timeoutMs?: number }).timeoutMs ?? req.defaultTimeoutMs ?? AGENT_DEFAULT_TIMEOUT_MS;
      // A retried check may run a last attempt when its window is nearly over.
      const retry = (k as { retry?: { timeoutMs?: number } }).retry?.timeoutMs ?? 0;
      return (Number.isFinite(ms) && ms > 0 ? ms : AGENT_DEFAULT_TIMEOUT_MS) + (Number.isFinite(retry) && retry > 0 ? retry : 0);
    }),
  );
  // A check waiting on its prerequisites holds a worker: with needs, only the sequential bound (the sum) is safe.
  const waits = req.criteria.some((c) => (c as { needs?: unknown[] }).needs?.length || c.checks.some((k) => (k as { needs?: unknown[] }).needs?.length));
  const width = waits ? 1 : Math.max(1, Math.min(req.concurrency ?? 4, timeouts.length || 1));
  const sum = timeouts.reduce((a, b) => a + b, 0);
  const max = timeouts.reduce((a, b) => Math.max(a, b), 0);
  return Math.min(RUN_DEADLINE_CAP_MS, Math.ceil(sum / width) + max + RUN_DEADLINE_MARGIN_MS);
}

/**
 * Runs `work` with an abort signal that fires on the caller's signal or at the deadline. At the deadline it
 * resolves to `'deadline'` once the work lets go, or after a short grace if it never does (a frozen peer).
 */
export async function withDeadline<T>(ms: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T | 'deadline'> {
  const ctl = new AbortController();
  const forward = (): void => ctl.abort();
  outer?.addEventListener('abort', forward, { once: true });
  if (outer?.aborted) ctl.abort();
  let timer: NodeJS.Timeout | undefined;
  let grace: NodeJS.Timeout | undefined;
  let fired = false;
  const expired = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      fired = true;
      ctl.abort();
      grace = setTimeout(() => resolve('deadline'), ABORT_GRACE_MS);
    }, ms);
  });
  const running = work(ctl.signal);
  try {
    const first = await Promise.race([running, expired]);
    return fired ? 'deadline' : first;
  } catch (e) {
    if (fired) return 'deadline';
    throw e;
  } finally {
    clearTimeout(timer);
    clearTimeout(grace);
    outer?.removeEventListener('abort', forward);
    running.catch(() => undefined);
  }
}
