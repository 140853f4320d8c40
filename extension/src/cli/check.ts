import { relative } from 'node:path';
import { UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { exerciseNames, hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { formatCriterionBlock, formatSummary, type TextOptions } from '../core/report/text';
import { ANSI, PLAIN } from '../core/report/colour';
import { toJUnit } from '../core/report/junit';
import { runExercise } from '../core/run';
import type { Exercise } from '../../../schemas/generated/types';
import type { Session } from '../core/session';
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
  /** Exam mode: the text output shows only passed or failed per critère (the pack's `exam: true` sets it too). */
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
  const live = perTurn(out);
  const text: TextOptions = {
    lang: o.lang,
    paint: o.colour ? ANSI : PLAIN,
    exam: o.exam || target.pack?.data?.exam === true,
    workspaceFiles: ex.data.workspaceFiles ?? [],
    listedLintFiles: new Set(),
  };
  const blocks = inPackOrder(ex.data, text, (block) => live.push(block));
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
      onEvent: (_ev, session) => {
        if (o.format === 'text') blocks.advance(session);
      },
    });
    if (o.format === 'text') blocks.rest(report);
  } finally {
    live.flush();
    await transport.dispose();
  }
  if (o.format === 'json') out(JSON.stringify(report, null, 2));
  else if (o.format === 'junit') out(toJUnit(report));
  else out('\n' + formatSummary(report, text));
  if (report.outcome === 'interrupted') {
    if (o.format !== 'text') err(`tssr-lab: ${report.error}`);
    return EXIT.transport;
  }
  return report.totals.passed === report.criteria.length ? EXIT.ok : EXIT.failed;
}

/**
 * Prints each critère's block once it has settled and every critère before it has been printed: live, yet grouped by
 * critère in pack order. Critères that do not run (jury, not selected) print only in the summary.
 */
function inPackOrder(ex: Exercise, o: TextOptions, print: (block: string) => void) {
  let next = 0;
  const emit = (c: RunReport['criteria'][number], i: number): void => {
    if (c.status !== 'notRun') print(formatCriterionBlock(c, ex.criteria[i], o));
  };
  return {
    advance(session: Session): void {
      while (next < ex.criteria.length && session.settled(ex.criteria[next].id)) {
        const c = session.criteria.get(ex.criteria[next].id);
        if (c) emit(c, next);
        next++;
      }
    },
    rest(report: RunReport): void {
      for (; next < ex.criteria.length; next++) {
        const c = report.criteria.find((r) => r.id === ex.criteria[next].id);
        if (c) emit(c, next);
      }
    },
  };
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
