import type { AnyTextMatcher, MatcherOperator } from '../../../schemas/generated/types';
import type { CheckContext } from '../context';
import { because, type Reason } from '../reason';
import { evaluate } from './evaluate';

/** The operators with line-based text semantics; any other operator goes through the general matchers. */
const TEXT_OPS = ['contains', 'notContains', 'matches', 'notMatches', 'equals'];

/** Outcome of one text matcher against a text. */
export interface TextMatch {
  status: 'pass' | 'fail' | 'error';
  expected: Record<string, unknown>;
  /** The line that matched (or offended), or a short excerpt when nothing matched. */
  actual: string | null;
  /** 1-based line of the matching or offending text. */
  line?: number;
  /** Why no verdict could be given (status `error`). */
  reason?: Reason;
}

/** The text under test, and whether it was cut at a size cap (then an absence proves nothing). */
export interface Subject {
  text: string;
  truncated?: { limit: number };
}

/** Normalises the string shorthand to `{contains}`. */
export function normalise(m: AnyTextMatcher): Record<string, unknown> {
  return typeof m === 'string' ? { contains: m } : (m as Record<string, unknown>);
}

/** Evaluates one matcher; Goss semantics: contains/matches look at any line, equals at the whole text. */
export async function matchText(ctx: CheckContext, subject: Subject, matcher: AnyTextMatcher): Promise<TextMatch> {
  const { text, truncated } = subject;
  const expected = normalise(matcher);
  const [op, value] = Object.entries(expected)[0] ?? ['', ''];
  const excerpt = text.length > 300 ? text.slice(0, 300) + '…' : text;
  if (typeof value !== 'string' || !TEXT_OPS.includes(op)) return matchOperator(ctx, subject, expected as MatcherOperator, excerpt);
  if (op === 'equals') {
    // Cut text cannot equal anything shorter than the cap: a fail is certain, as a pass would be impossible.
    const ok = !truncated && text.replace(/\n$/, '') === value.replace(/\n$/, '');
    return { status: ok ? 'pass' : 'fail', expected, actual: excerpt };
  }
  // A multi-line pattern may span lines: test the whole text then.
  const perLine = !value.includes('\n');
  const lines = text.split(/\r?\n/);
  let idx: number;
  if (op === 'matches' || op === 'notMatches') {
    const answer = await ctx.regex.test(value, text, perLine, ctx.signal);
    if ('invalid' in answer) return { status: 'error', expected, actual: null, reason: because('regexInvalid', { pattern: value, detail: answer.invalid }) };
    if ('timedOut' in answer) return { status: 'error', expected, actual: null, reason: because('regexTimeout', { pattern: value, timeoutMs: ctx.timeoutMs }) };
    if ('crashed' in answer) return { status: 'error', expected, actual: null, reason: because('regexCrashed', { pattern: value, detail: answer.crashed }) };
    idx = answer.index;
  } else {
    idx = perLine ? lines.findIndex((l) => l.includes(value)) : text.includes(value) ? 0 : -1;
  }
  const negate = op.startsWith('not');
  if (idx >= 0) return { status: negate ? 'fail' : 'pass', expected, actual: lines[idx], line: idx + 1 };
  // Nothing found in cut text: the rest may hold it, so neither absence nor a miss can be asserted.
  if (truncated) return { status: 'error', expected, actual: null, reason: because('truncatedUnknown', { limit: truncated.limit }) };
  return { status: negate ? 'pass' : 'fail', expected, actual: negate ? null : excerpt };
}

/**
 * Any other operator (`not`, `anyOf`, `length`, `semver`, `contains` of a matcher…) on the text without its final
 * newline; `contains` of a matcher looks for a line that satisfies it. Cut text gives no verdict.
 */
async function matchOperator(ctx: CheckContext, subject: Subject, m: MatcherOperator, excerpt: string): Promise<TextMatch> {
  const expected = m as Record<string, unknown>;
  if (subject.truncated) return { status: 'error', expected, actual: null, reason: because('truncatedUnknown', { limit: subject.truncated.limit }) };
  const text = subject.text.replace(/\n$/, '');
  const v = await evaluate(m, 'contains' in m ? text.split(/\r?\n/) : text, ctx);
  if (v.error) return { status: 'error', expected, actual: null, reason: v.error };
  return { status: v.ok ? 'pass' : 'fail', expected, actual: excerpt };
}

/** Runs a list of matchers on a text and reports each as `<prefix>[i]`; stops once the check is aborted. */
export async function reportMatchers(
  ctx: CheckContext,
  prefix: string,
  subject: Subject,
  matchers: AnyTextMatcher[] | undefined,
  path?: string,
): Promise<void> {
  const list = matchers ?? [];
  for (let i = 0; i < list.length; i++) {
    if (ctx.signal.aborted) return;
    const property = `${prefix}[${i}]`;
    const r = await matchText(ctx, subject, list[i]);
    const cut = subject.truncated && r.status === 'fail';
    const reason =
      r.status === 'pass'
        ? because('pass', { property })
        : r.status === 'fail'
          ? because(cut ? 'mismatchTruncated' : 'mismatch', {
              property,
              expected: r.expected,
              actual: r.actual,
              ...(cut ? { limit: subject.truncated!.limit } : {}),
            })
          : r.reason!;
    ctx.report({ property, status: r.status, expected: r.expected, actual: r.actual, reason, ...(path && r.line ? { path, line: r.line } : {}) });
  }
}
