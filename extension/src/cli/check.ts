import { relative } from 'node:path';
import { UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { exerciseNames, hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { formatResult, formatSummary } from '../core/report/text';
import { toJUnit } from '../core/report/junit';
import { runExercise } from '../core/run';
import type { Exercise } from '../../../schemas/generated/types';
import type { RunReport } from '../../../schemas/generated/types';
import type { Transport } from '../core/transport';
import { useParseCache } from '../core/pack';
import { diskParseCache } from './parse-cache';
import { mark } from './timings';
import { makeTransport, type TargetFlags } from './transports';
import { EXIT } from './exit';

export { EXIT };

/** Options of `tssr-lab check`. */
export interface CheckOptions extends TargetFlags {
  format: 'text' | 'json' | 'junit';
  lang: Lang;
  solution?: boolean;
  only?: string[];
  concurrency?: string | number;
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
  const live = perTurn(out);
  const listed = new Set<string>(); // lint findings are listed once per file, not once per critère
  let report: RunReport;
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
      onEvent: (ev) => {
        if (o.format === 'text' && ev.event === 'result') live.push(formatResult(ev, listed));
      },
    });
  } finally {
    live.flush();
    await transport.dispose();
  }
  if (o.format === 'json') out(JSON.stringify(report, null, 2));
  else if (o.format === 'junit') out(toJUnit(report));
  else out('\n' + formatSummary(report, o.lang));
  if (report.outcome === 'interrupted') {
    if (o.format !== 'text') err(`tssr-lab: ${report.error}`);
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

/**
 * Prints the lines pushed in one turn of the event loop as one write: results stay live (the agent sends them turn by
 * turn), at a fraction of the writes (about 10 ms of a 40-check run went to one console.log per result).
 */
function perTurn(out: (s: string) => void): { push(line: string): void; flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('\n');
    pending = [];
    out(text);
  };
  return {
    push(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
