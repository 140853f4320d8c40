import type { Check, Reason, RunRequest } from '../../schemas/generated/types';
import { because } from './reason';

/** One check to run, with what it waits for. */
export interface Job {
  criterionId: string;
  checkIndex: number;
  check: Check;
  /** Jobs (indexes into the plan) that must pass first, each with how to name it in a skip. */
  needs: Array<{ job: number; label: Reason }>;
  /** Set when the prerequisites cannot be resolved: the job reports this error instead of running. */
  problem?: Reason;
}

/**
 * Orders the checks so that every prerequisite comes before its dependents (stable: request order otherwise).
 * Workers take jobs in this order, so a job waiting on its prerequisites waits only on jobs already taken: no deadlock
 * whatever the concurrency. Unknown ids and cycles become a per-job problem, never a crash.
 */
export function planJobs(req: RunRequest): Job[] {
  const flat: Job[] = req.criteria.flatMap((c) => c.checks.map((check, i) => ({ criterionId: c.id, checkIndex: c.checkIndexes?.[i] ?? i, check, needs: [] })));
  const byCheckId = new Map<string, number>();
  flat.forEach((j, i) => {
    if (j.check.id !== undefined && !byCheckId.has(j.check.id)) byCheckId.set(j.check.id, i);
  });
  // Every critère of the request, even one whose checks all run in the client (lint): needing it is then no wait.
  const byCriterion = new Map<string, number[]>(req.criteria.map((c) => [c.id, []]));
  flat.forEach((j, i) => byCriterion.get(j.criterionId)!.push(i));
  req.criteria.forEach((c) => {
    for (const id of idsOf(c.needs)) {
      const jobs = byCriterion.get(id);
      for (const i of byCriterion.get(c.id) ?? []) {
        if (!jobs) flat[i].problem ??= because('needs.unknownCriterion', { id });
        else flat[i].needs.push(...jobs.map((job) => ({ job, label: because('needs.criterionNotPassed', { criterion: id }) })));
      }
    }
  });
  flat.forEach((j) => {
    for (const id of idsOf((j.check as { needs?: unknown }).needs)) {
      const job = byCheckId.get(id);
      if (job === undefined) j.problem ??= because('needs.unknownCheck', { id });
      else j.needs.push({ job, label: because('needs.checkNotPassed', { check: id }) });
    }
  });
  return topological(flat);
}

/** The ids of a `needs` list; anything else (the agent does not schema-check requests) names nothing. */
function idsOf(needs: unknown): string[] {
  return Array.isArray(needs) ? needs.filter((n): n is string => typeof n === 'string') : [];
}

/** Kahn's algorithm, taking the earliest ready job each time; jobs left over are on or behind a cycle. */
function topological(flat: Job[]): Job[] {
  if (flat.every((j) => j.needs.length === 0)) return flat;
  const waiting = flat.map((j) => new Set(j.needs.map((n) => n.job)));
  const done = new Set<number>();
  const order: number[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (let i = 0; i < flat.length; i++) {
      if (done.has(i) || [...waiting[i]].some((d) => !done.has(d))) continue;
      done.add(i);
      order.push(i);
      progress = true;
      break;
    }
  }
  const stuck = flat.map((_, i) => i).filter((i) => !done.has(i));
  const ids = stuck.map((i) => flat[i].check.id ?? `${flat[i].criterionId}#${flat[i].checkIndex}`);
  for (const i of stuck) {
    flat[i].problem ??= because('needs.cycle', { ids: ids.join(' → ') });
    order.push(i);
  }
  // Needs now point at positions in the new order.
  const position = new Map(order.map((old, pos) => [old, pos]));
  return order.map((old) => ({ ...flat[old], needs: stuck.includes(old) ? [] : flat[old].needs.map((n) => ({ ...n, job: position.get(n.job)! })) }));
}
