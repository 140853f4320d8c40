import type { Evaluation, HostEvaluation, RunReport } from '../../../../schemas/generated/types';
import type { Lang } from '../i18n';
import { Session } from '../session';
import { localize } from '../text';
import type { JournalLine, RunFolder } from './run-folder';

/** The lines of a host's last attempt: a resumed or retried host starts a new attempt with a `connecting` line. */
function lastAttempt(lines: JournalLine[]): JournalLine[] {
  const start = lines.map((l) => l.event === 'host' && l.state === 'connecting').lastIndexOf(true);
  return start < 0 ? [] : lines.slice(start);
}

/** Folds one host's journal: finished exercises give their report; a cut-off one is rebuilt from its events. */
function hostOf(folder: RunFolder, candidateIndex: number, lang: Lang): HostEvaluation {
  const s = folder.session();
  const c = s.candidates[candidateIndex];
  const lines = lastAttempt(folder.lines(c.id));
  const candidate = { id: c.id, name: c.name, host: c.host, port: c.port, user: c.user, ...(Object.keys(c.vars).length ? { vars: c.vars } : {}) };
  if (!lines.length) return { candidate, status: 'pending', runs: [] };
  const runs: RunReport[] = [];
  for (const { exercise } of s.exercises) {
    const done = lines.find((l): l is Extract<JournalLine, { event: 'exerciseEnd' }> => l.event === 'exerciseEnd' && l.id === exercise.id);
    if (done) {
      runs.push(done.report);
      continue;
    }
    const events = lines.filter((l): l is Extract<JournalLine, { event: 'agent' }> => l.event === 'agent' && l.exerciseId === exercise.id);
    if (!events.length) continue;
    // Cut off (Ctrl-C, crash): the results received are folded as the live run folded them, and kept.
    const session = new Session(exercise, `ssh://${c.user}@${c.host}:${c.port}`, lang, s.pack);
    session.start();
    for (const e of events) session.accept(JSON.stringify(e.data));
    session.finish('interrupted', undefined);
    runs.push(session.report());
  }
  const end = lines.filter((l): l is Extract<JournalLine, { event: 'hostEnd' }> => l.event === 'hostEnd').at(-1);
  const first = lines[0] as Extract<JournalLine, { event: 'host' }>;
  return {
    candidate,
    status: end?.status ?? 'interrupted',
    ...(end?.error ? { error: end.error } : {}),
    startedAt: first.at,
    ...(end ? { durationMs: end.durationMs } : {}),
    runs,
    totals: { points: runs.reduce((n, r) => n + r.totals.points, 0), earned: runs.reduce((n, r) => n + r.totals.earned, 0) },
  };
}

/** The evaluation report of a run folder, valid against evaluation.schema.json. */
export function assemble(folder: RunFolder, lang: Lang, tool?: string): Evaluation {
  const s = folder.session();
  return {
    evaluationVersion: 1,
    session: {
      id: s.id,
      ...(s.title ? { title: s.title } : {}),
      startedAt: s.startedAt,
      ...((tool ?? s.tool) ? { tool: tool ?? s.tool } : {}),
      ...(s.exam ? { exam: true } : {}),
      ...(s.shard ? { shard: s.shard } : {}),
    },
    ...(s.pack ? { pack: s.pack } : {}),
    exercises: s.exercises.map(({ exercise: e }) => ({
      id: e.id,
      title: localize(e.title, lang),
      competences: e.competences,
      criteria: e.criteria.map((c) => ({
        id: c.id,
        title: localize(c.title, lang),
        referentiel: c.referentiel,
        points: c.points,
        ...(c.assessment ? { assessment: c.assessment } : {}),
      })),
    })),
    hosts: s.candidates.map((_, i) => hostOf(folder, i, lang)),
  };
}
