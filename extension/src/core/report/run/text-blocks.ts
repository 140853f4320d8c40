import type { Criterion, CriterionReport, CriterionStatus, Result, RunReport } from '../../../../../schemas/generated/types';
import { checksOf, hintsOf } from '../../criteria';
import { t, type Lang } from '../../i18n';
import { describeFailure } from '../../learner/failure';
import { localize } from '../../text';
import { PLAIN, type Paint } from '../colour';
import { terminalSafe } from '../safe-text';

/** How the text report is written: language, colours, exam mode, the learner's files (for locations). */
export interface TextOptions {
  lang: Lang;
  paint?: Paint;
  /** Exam: only passed or failed per critère; no sentences, values or hints. */
  exam?: boolean;
  workspaceFiles?: readonly string[];
  /** The files whose lint findings were already printed in this run: several critères may lint one file. */
  listedLintFiles?: Set<string>;
}

const CRITERION_ICON: Record<CriterionStatus, string> = { passed: '✔', failed: '✘', error: '!', notRun: '○', running: '…' };
const RESULT_ICON: Record<Result['status'], string> = { pass: '✔', fail: '✘', skip: '○', error: '!' };

function tone(p: Paint, status: CriterionStatus | Result['status']): (s: string) => string {
  if (status === 'passed' || status === 'pass') return p.ok;
  if (status === 'failed' || status === 'fail') return p.fail;
  return status === 'notRun' || status === 'running' ? p.dim : p.warn;
}

/** `label text` with the text's next lines aligned under its first. */
function labelled(p: Paint, indent: string, label: string, text: string): string[] {
  const pad = ' '.repeat(label.length + 1);
  return text.split('\n').map((l, i) => `${indent}${i ? pad : p.dim(label) + ' '}${terminalSafe(l)}`);
}

/** The lines for one result that did not pass: the sentence, then what was run (once per check), observed, where. */
function resultLines(r: Result, criterion: Criterion | undefined, o: TextOptions, lastRan: { value?: string }): string[] {
  const p = o.paint ?? PLAIN;
  const f = describeFailure(r, o.workspaceFiles ?? [], { lang: o.lang, check: criterion ? checksOf(criterion)[r.checkIndex] : undefined });
  const lines = [`    ${tone(p, r.status)(RESULT_ICON[r.status])} ${terminalSafe(f.sentence)}`];
  if (f.ran && f.ran !== lastRan.value) lines.push(...labelled(p, '      ', t(o.lang, 'learner.ranLabel'), f.ran));
  lastRan.value = f.ran;
  // A file's lint findings are listed once per run, under the first critère that lints it.
  const listedAlready = r.checkType === 'lint' && o.listedLintFiles?.has(r.path ?? '');
  if (r.checkType === 'lint') o.listedLintFiles?.add(r.path ?? '');
  if (f.observed && !listedAlready) lines.push(...labelled(p, '      ', t(o.lang, 'learner.observedLabel'), f.observed));
  if (f.location && (f.location.line || f.location.scheme === 'target')) {
    const where = `${f.location.path}${f.location.line ? ':' + f.location.line : ''}`;
    lines.push(...labelled(p, '      ', t(o.lang, 'learner.whereLabel'), where));
  }
  return lines;
}

/** The head line of a critère: icon, id, title, points. */
export function criterionHead(c: CriterionReport, o: TextOptions): string {
  const p = o.paint ?? PLAIN;
  const icon = tone(p, c.status)(CRITERION_ICON[c.status]);
  return `${icon} ${p.bold(terminalSafe(c.id))} — ${terminalSafe(c.title)} ${p.dim(`${c.earned}/${c.points}`)}`;
}

/**
 * One critère as the learner reads it, printed as soon as it settles: its head line, then each property that did not
 * pass in words, and the first hint of the ladder for a failed critère. Exam mode keeps the head line only.
 */
export function formatCriterionBlock(c: CriterionReport, criterion: Criterion | undefined, o: TextOptions): string {
  const head = criterionHead(c, o);
  if (o.exam || c.status === 'passed' || c.status === 'notRun') return head;
  const lastRan: { value?: string } = {};
  // Results arrive as checks finish; the learner reads them in the critère's order, each sentence once.
  const failed = c.results.filter((r) => r.status !== 'pass').sort((a, b) => a.checkIndex - b.checkIndex);
  const seen = new Set<string>();
  const lines = [head];
  for (const r of failed) {
    const block = resultLines(r, criterion, o, lastRan);
    if (!seen.has(block.join('\n'))) lines.push(...block);
    seen.add(block.join('\n'));
  }
  const hint = criterion ? hintsOf(criterion)[0] : undefined;
  if (hint && c.status === 'failed') lines.push(`    ${(o.paint ?? PLAIN).warn(terminalSafe(t(o.lang, 'learner.firstHint', localize(hint, o.lang))))}`);
  return lines.join('\n');
}

/** One summary line per critère, in pack order: status word, id, title, référentiel and points. */
export function formatCriterion(c: CriterionReport, o: TextOptions): string {
  const p = o.paint ?? PLAIN;
  const status = tone(p, c.status)(t(o.lang, `status.${c.status}` as const).padEnd(11));
  return `${status} ${terminalSafe(`${c.id} — ${c.title} [${c.referentiel}]`)} ${c.earned}/${c.points}`;
}

/** The closing summary of a run: the critères in pack order, the run's error if any, the totals. */
export function formatSummary(report: RunReport, o: TextOptions): string {
  const { totals: s } = report;
  const lines = report.criteria.map((c) => formatCriterion(c, o));
  if (report.error) lines.push((o.paint ?? PLAIN).fail(terminalSafe(`! ${report.error}`)));
  lines.push((o.paint ?? PLAIN).bold(t(o.lang, 'report.summary', s.earned, s.points, s.passed, s.failed, s.errors, s.notRun)));
  if (o.exam) lines.push(t(o.lang, 'learner.examNote'));
  return lines.join('\n');
}
