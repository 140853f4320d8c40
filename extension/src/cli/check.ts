import { relative } from 'node:path';
import { UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { exerciseNames, hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { runOutput, runReporters, type RunFormat } from '../core/report/run';
import { runExercise } from '../core/run';
import type { Exercise, RunReport } from '../../../schemas/generated/types';
import type { Transport } from '../core/transport';
import { useParseCache } from '../core/pack';
import { diskParseCache } from './parse-cache';
import { mark } from './timings';
import { makeTransport, type TargetFlags } from './transports';
import { EXIT } from './exit';

export { EXIT };

/** Options of `tssr-lab check`. */
export interface CheckOptions extends TargetFlags {
  format: RunFormat;
  lang: Lang;
  solution?: boolean;
  only?: string[];
  concurrency?: string | number;
  /** Exam mode: the text and JUnit show only passed or failed per critère (the pack's `exam: true` sets it too). */
  exam?: boolean;
  /** Colour the text output (decided by the caller from the terminal, NO_COLOR and FORCE_COLOR). */
  colour?: boolean;
}

/** Runs one exercise's checks on a target and prints results live; resolves to the exit code. */
export async function check(path: string, o: CheckOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  concurrencyOf(o);
  const log = (l: string): void => err(`tssr-lab: ${l}`);
  // A local agent's worker thread starts now: its start-up overlaps the loading of the exercise.
  const early = o.target === 'local' ? makeTransport(o, o.lang, log) : undefined;
  try {
    return await checkLoaded(path, o, out, err, () => early ?? makeTransport(o, o.lang, log));
  } finally {
    await early?.dispose();
  }
}

async function checkLoaded(path: string, o: CheckOptions, out: (s: string) => void, err: (s: string) => void, transportFor: () => Transport): Promise<number> {
  useParseCache(diskParseCache());
  const target = loadTarget(path, o.lang);
  mark('load');
  if (target.kind === 'pack') throw new UsageError('NOT_EXERCISE', t(o.lang, 'pack.isPack', path, exerciseNames(target.pack)));
  // Exactly what `validate` reports: any error, in the pack or the exercise, refuses the run.
  const ex = target.exercise;
  if (hasErrors(target.problems) || !ex.data) {
    target.problems.forEach((p) => err(formatProblem(p)));
    return EXIT.usage;
  }
  refuseBadSelection(ex.data, o, relative(process.cwd(), target.pack?.dir ?? ex.dir) || '.');
  const pack = target.pack?.data ? { id: target.pack.data.id, version: target.pack.data.version } : undefined;
  const transport = transportFor();
  // The format writes as critères settle (text) or once at the end (json, junit): this command does not know which.
  const output = runOutput(o.format, { lang: o.lang, exercise: ex.data, exam: o.exam || target.pack?.data?.exam === true, colour: o.colour }, out);
  let report: RunReport | undefined;
  try {
    report = await runExercise({
      transport,
      exercise: ex.data,
      exerciseDir: ex.dir,
      pack,
      lang: o.lang,
      useSolution: o.solution,
      only: o.only,
      concurrency: concurrencyOf(o),
      onEvent: (_ev, session) => output.onEvent(session),
    });
  } finally {
    output.end(report);
    await transport.dispose();
  }
  if (report.outcome === 'interrupted') {
    if (!runReporters[o.format].tellsError) err(`tssr-lab: ${report.error}`);
    return EXIT.transport;
  }
  return report.totals.passed === report.criteria.length ? EXIT.ok : EXIT.failed;
}

/** `--concurrency`: an integer from 1 to 64 (the agent's bound), else a usage error. */
function concurrencyOf(o: CheckOptions): number | undefined {
  if (o.concurrency === undefined) return undefined;
  const n = Number(o.concurrency);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('BAD_CONCURRENCY', t(o.lang, 'usage.concurrency', String(o.concurrency)));
  return n;
}

/** `--only` must name critères of the exercise; `--solution` must not check a machine its solution never configured. */
function refuseBadSelection(ex: Exercise, o: CheckOptions, packDir: string): void {
  const known = ex.criteria.map((c) => c.id);
  const unknown = (o.only ?? []).filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError('UNKNOWN_CRITERION', t(o.lang, 'usage.unknownCriterion', unknown.join(', '), known.join(', ')));
  if (o.solution && !ex.solution.files && ex.solution.apply) {
    throw new UsageError('SOLUTION_IS_APPLY', t(o.lang, 'usage.solutionIsApply', ex.solution.apply, packDir, ex.id));
  }
}
