import type { Evaluation, HostEvaluation } from '../../../../schemas/generated/types';
import { UsageError } from '../errors';
import { t, type Lang } from '../i18n';

const RANK: Record<HostEvaluation['status'], number> = { done: 4, error: 3, unreachable: 2, interrupted: 1, pending: 0 };

/**
 * One class report from several runs (shards of one session, or rooms): the same exercises, every candidate once.
 * A candidate graded in two runs keeps its most complete grading (done over error over unreachable…).
 */
export function mergeEvaluations(evs: Evaluation[], lang: Lang): Evaluation {
  if (!evs.length) throw new UsageError('MERGE_NOTHING', t(lang, 'merge.nothing'));
  const key = (e: Evaluation): string => e.exercises.map((x) => x.id).join(',');
  const odd = evs.find((e) => key(e) !== key(evs[0]));
  if (odd) throw new UsageError('MERGE_MISMATCH', t(lang, 'merge.mismatch', odd.session.id, key(odd), evs[0].session.id, key(evs[0])));
  const hosts = new Map<string, HostEvaluation>();
  for (const e of evs) {
    for (const h of e.hosts) {
      const seen = hosts.get(h.candidate.id);
      if (!seen || RANK[h.status] > RANK[seen.status]) hosts.set(h.candidate.id, h);
    }
  }
  const first = evs.reduce((a, b) => (a.session.startedAt <= b.session.startedAt ? a : b));
  return {
    evaluationVersion: 1,
    session: {
      id: evs.map((e) => e.session.id).join('+'),
      ...(first.session.title ? { title: first.session.title } : {}),
      startedAt: first.session.startedAt,
      ...(first.session.tool ? { tool: first.session.tool } : {}),
      ...(evs.some((e) => e.session.exam) ? { exam: true } : {}),
    },
    ...(first.pack ? { pack: first.pack } : {}),
    exercises: first.exercises,
    hosts: [...hosts.values()],
  };
}
