import type { Result } from '../../../../schemas/generated/types';
import type { CriterionReport, RunReport } from '../../../../schemas/generated/types';
import { t, type Lang } from '../i18n';
import { terminalSafe } from './safe-text';

const ICON: Record<Result['status'], string> = { pass: '✔', fail: '✘', skip: '○', error: '!' };

/**
 * One live line for a result, as the CLI prints it when it arrives. A lint result lists its file's findings below it;
 * `listed` (one set per run) holds the files already listed, so that a file several critères lint is listed once.
 */
export function formatResult(r: Result, listed = new Set<string>()): string {
  const where = r.path ? ` (${r.path}${r.line ? ':' + r.line : ''})` : '';
  const head = terminalSafe(`  ${ICON[r.status]} [${r.criterionId}] ${r.checkType} ${r.message}${where}`);
  if (r.checkType !== 'lint' || !Array.isArray(r.actual) || listed.has(r.path ?? '')) return head;
  listed.add(r.path ?? '');
  // Script coaching evidence: each finding, silenced ones included and marked.
  const findings = (r.actual as Array<{ code: string; severity: string; line: number; col: number; message: string; suppressed?: boolean }>)
    .slice(0, 20)
    .map((f) => `      ${r.path}:${f.line}:${f.col} ${f.severity} ${f.code}: ${f.message}${f.suppressed ? ' [directive]' : ''}`);
  return [head, ...findings.map(terminalSafe)].join('\n');
}

/** One block per critère: status, points and, when not passed, the hint. */
export function formatCriterion(c: CriterionReport, lang: Lang): string {
  const status = t(lang, `status.${c.status}` as const);
  const head = `${status.padEnd(11)} ${c.id} — ${c.title} [${c.referentiel}] ${c.earned}/${c.points}`;
  return terminalSafe(c.status === 'passed' || !c.hint ? head : `${head}\n            ${t(lang, 'report.hintLine', c.hint)}`);
}

/** The closing summary of a run. */
export function formatSummary(report: RunReport, lang: Lang): string {
  const { totals: s } = report;
  const lines = report.criteria.map((c) => formatCriterion(c, lang));
  if (report.error) lines.push(terminalSafe(`! ${report.error}`));
  lines.push(t(lang, 'report.summary', s.earned, s.points, s.passed, s.failed, s.errors, s.notRun));
  return lines.join('\n');
}
