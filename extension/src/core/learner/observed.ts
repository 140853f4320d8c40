import type { Result } from '../../../../schemas/generated/types';
import { t, type Lang } from '../i18n';
import { isTextProperty } from './sentence';
import { hasRegex, operatorOf } from './values';

const MAX_LINES = 5;
const MAX_WIDTH = 160;

const cut = (l: string): string => (l.length > MAX_WIDTH ? `${l.slice(0, MAX_WIDTH - 1)}…` : l);

/**
 * A text trimmed to the lines that matter: around the failing line when one is known (two before, two after), else
 * the first lines from the first non-blank one; at most five lines of at most 160 characters, then how many follow.
 */
export function trimLines(lang: Lang, text: string, line?: number): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  if (lines.length === 1 && lines[0] === '') return t(lang, 'learner.nothing');
  const first =
    line !== undefined && line >= 1 && line <= lines.length
      ? Math.max(0, line - 3)
      : Math.max(
          0,
          lines.findIndex((l) => l.trim() !== ''),
        );
  // Blank lines say nothing: the five lines shown all hold text.
  const rest = lines.slice(first).filter((l) => l.trim() !== '');
  const shown = rest.slice(0, MAX_LINES).map(cut);
  const more = rest.length - shown.length;
  return [...shown, ...(more > 1 ? [t(lang, 'learner.moreLines', more)] : more === 1 ? [t(lang, 'learner.moreLine')] : [])].join('\n');
}

/** What was observed, when a text (an output, a file) or a list of findings says more than the sentence. */
export function observedOf(lang: Lang, r: Result): string | undefined {
  if (r.checkType === 'lint' && Array.isArray(r.actual)) {
    const findings = (r.actual as Array<{ line?: number; message?: string; code?: string; suppressed?: boolean }>).filter((f) => !f.suppressed);
    return trimLines(lang, findings.map((f) => t(lang, 'learner.lintLine', f.line ?? '?', f.message ?? '', f.code ?? '')).join('\n'));
  }
  if (typeof r.actual !== 'string') return undefined;
  if (isTextProperty(r.property) || /\n/.test(r.actual.trim()) || r.actual.length > 60) return trimLines(lang, r.actual, r.line);
  return undefined;
}

/** Both sides of a comparison of text, only when both are text (an exact value against a text found); never a matcher. */
export function diffOf(r: Result): { expected: string; actual: string } | undefined {
  if (typeof r.actual !== 'string' || hasRegex(r.expected)) return undefined;
  const op = operatorOf(r.expected);
  const expected = op ? (op[0] === 'equals' ? op[1] : undefined) : r.expected;
  return typeof expected === 'string' ? { expected, actual: r.actual } : undefined;
}
