import type { Exercise, RunReport } from '../../../../schemas/generated/types';
import { t, type Lang } from '../../core/i18n';

/** Seconds per phase of one exercise's proof; absent when the phase did not apply or did not run. */
export interface PhaseTimes {
  boot?: number;
  setup?: number;
  fresh?: number;
  apply?: number;
  solved?: number;
  cleanup?: number;
}

/** One line of the pack test table. */
export interface ProofRow {
  id: string;
  /** `container`: setup/apply on a fresh container over SSH; `local`: solution files checked on this machine. */
  where: 'container' | 'local';
  fresh?: RunReport;
  solved?: RunReport;
  times: PhaseTimes;
  verdict: 'ok' | 'failed' | 'error';
  /** Why the verdict is not ok, one localised sentence each. */
  problems: string[];
}

/** Whether an exercise needs a root target: a setup, an apply or a cleanup script. Files-only solutions are checked locally. */
export function needsContainer(ex: Exercise): boolean {
  return Boolean(ex.setup || ex.solution.apply || ex.cleanup);
}

const firstProblem = (c: RunReport['criteria'][number]): string => {
  const r = c.results.find((x) => x.status !== 'pass');
  return r ? `${r.property ?? r.checkType}: ${r.message ?? ''}`.trim() : '—';
};

/**
 * The fresh run proves the exercise is not already solved: every critère fails or is not run, except those the
 * exercise marks `startsMet`, which may pass. An error is a broken check, not a failing one.
 */
export function freshProblems(ex: Exercise, report: RunReport, lang: Lang): string[] {
  if (report.outcome !== 'complete') return [t(lang, 'packTest.interrupted', ex.id, report.error ?? '')];
  return report.criteria.flatMap((c) => {
    const startsMet = ex.criteria.find((k) => k.id === c.id)?.startsMet === true;
    if (c.status === 'passed' && !startsMet) return [t(lang, 'packTest.freshPassed', ex.id, c.id)];
    if (c.status === 'error') return [t(lang, 'packTest.freshError', ex.id, c.id, firstProblem(c))];
    return [];
  });
}

/** The solved run proves the solution: every critère passes, except `jury` ones, which have no checks and never run. */
export function solvedProblems(ex: Exercise, report: RunReport, lang: Lang): string[] {
  if (report.outcome !== 'complete') return [t(lang, 'packTest.interrupted', ex.id, report.error ?? '')];
  return report.criteria
    .filter((c) => c.status !== 'passed' && c.assessment !== 'jury')
    .map((c) => t(lang, 'packTest.solvedNotPassed', ex.id, c.id, t(lang, `status.${c.status}` as const), firstProblem(c)));
}

/** `passed/total` for a table cell; on the fresh run, how many of the passes are `startsMet` critères. */
export function passedCell(r: RunReport | undefined, lang: Lang, ex?: Exercise): string {
  if (!r) return '—';
  const cell = t(lang, 'packTest.passedOf', r.totals.passed, r.criteria.length);
  const met = ex ? r.criteria.filter((c) => c.status === 'passed' && ex.criteria.some((k) => k.id === c.id && k.startsMet)).length : 0;
  return met ? `${cell} (${met} startsMet)` : cell;
}

/** The table: one row per exercise, phase times in seconds with one decimal. */
export function formatTable(rows: ProofRow[], lang: Lang, exercises: Exercise[] = []): string {
  const s = (n?: number): string => (n === undefined ? '—' : `${n.toFixed(1)} s`);
  const head = ['exercise', 'fresh', 'solved', 'boot', 'setup', 'checkFresh', 'apply', 'checkSolved', 'verdict'].map((k) =>
    t(lang, `packTest.col.${k}` as 'packTest.col.exercise'),
  );
  const body = rows.map((r) => [
    r.id,
    passedCell(
      r.fresh,
      lang,
      exercises.find((e) => e.id === r.id),
    ),
    passedCell(r.solved, lang),
    s(r.times.boot),
    s(r.times.setup),
    s(r.times.fresh),
    s(r.times.apply),
    s(r.times.solved),
    t(lang, `packTest.verdict.${r.verdict}` as const),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
