import { basename, resolve } from 'node:path';
import { UsageError } from '../core/errors';
import type { Lang } from '../core/i18n';
import { findPackDir, loadExercise, loadPack, type LoadedExercise } from '../core/pack';
import { formatProblem } from '../core/problems';
import { formatResult, formatSummary } from '../core/report/text';
import { toJUnit } from '../core/report/junit';
import { runExercise } from '../core/run';
import type { RunReport } from '../core/generated/report';
import { makeTransport, type TargetFlags } from './transports';

/** Options of `tssr-lab check`. */
export interface CheckOptions extends TargetFlags { format: 'text' | 'json' | 'junit'; lang: Lang; solution?: boolean; only?: string[] }

/** Exit codes of `check`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, transport: 3 } as const;

function loadTarget(path: string, lang: Lang): { ex: LoadedExercise; pack?: { id: string; version: string } } {
  const packDir = findPackDir(path);
  const abs = resolve(path);
  const pack = packDir ? loadPack(packDir, lang) : undefined;
  if (pack && packDir === abs) {
    const names = pack.exercises.map((e) => basename(e.dir)).join(', ');
    throw new UsageError('NOT_EXERCISE', `${path} is a pack: give one of its exercise folders (${names})`);
  }
  const ex = pack?.exercises.find((e) => e.dir === abs) ?? loadExercise(abs, lang);
  return { ex, pack: pack?.data ? { id: pack.data.id, version: pack.data.version } : undefined };
}

/** Runs one exercise's checks on a target and prints results live; resolves to the exit code. */
export async function check(path: string, o: CheckOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { ex, pack } = loadTarget(path, o.lang);
  if (!ex.data) {
    ex.problems.forEach((p) => err(formatProblem(p)));
    return EXIT.usage;
  }
  const transport = makeTransport(o, o.lang, (l) => err(`tssr-lab: ${l}`));
  let report: RunReport;
  try {
    report = await runExercise({
      transport, exercise: ex.data, exerciseDir: ex.dir, pack, lang: o.lang, useSolution: o.solution, only: o.only,
      onEvent: (ev) => { if (o.format === 'text' && ev.event === 'result') out(formatResult(ev)); },
    });
  } finally {
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
