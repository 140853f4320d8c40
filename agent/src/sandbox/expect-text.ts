import type { Matcher, MatcherOperator, TextMatcher } from '../../../schemas/generated/types';
import type { CheckContext } from '../context';
import { evaluate } from '../matchers/evaluate';
import { because } from '../reason';

/** A text under test: output or file contents, and the cap it was cut at, if it was. */
export interface TextSubject {
  text: string;
  truncatedAt?: number;
  path?: string;
}

/** The text matchers of command checks (`notContains`, string = contains) as the generic matchers. */
export function fromTextMatcher(m: TextMatcher): Matcher {
  if (typeof m === 'string') return { contains: m };
  const [op, value] = Object.entries(m)[0] ?? ['', ''];
  if (op === 'notContains') return { not: { contains: value } };
  if (op === 'notMatches') return { not: { matches: value } };
  return { [op]: value } as MatcherOperator;
}

function excerpt(text: string): string {
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

/** A negated matcher can only be proven on a text that was read whole. */
function negates(m: Matcher): boolean {
  return JSON.stringify(m).includes('"not"') || JSON.stringify(m).includes('"equals"') || typeof m !== 'object' || m === null;
}

/**
 * Asserts matchers on a text: a list reports `<prefix>[i]`, one operator reports `<prefix>`. One trailing newline is
 * ignored (`echo ok` equals "ok"). On cut text, a verdict that the missing part could change is an error, not a guess.
 */
export async function expectText(
  ctx: CheckContext,
  prefix: string,
  matchers: TextMatcher[] | MatcherOperator | undefined,
  subject: TextSubject,
): Promise<void> {
  if (matchers === undefined) return;
  const list: Array<[string, Matcher]> = Array.isArray(matchers) ? matchers.map((m, i) => [`${prefix}[${i}]`, fromTextMatcher(m)]) : [[prefix, matchers]];
  const text = subject.text.replace(/\n$/, '');
  for (const [property, expected] of list) {
    if (ctx.signal.aborted) return;
    const v = await evaluate(expected, text, ctx);
    const actual = excerpt(text);
    const evidence = subject.path ? { path: subject.path } : {};
    if (v.error) {
      ctx.report({ property, status: 'error', expected, actual: null, reason: v.error, ...evidence });
    } else if (subject.truncatedAt !== undefined && (!v.ok || negates(expected))) {
      ctx.report({
        property,
        status: 'error',
        expected,
        actual,
        reason: because('script.outputTruncated', { property, limit: subject.truncatedAt }),
        ...evidence,
      });
    } else {
      ctx.report({
        property,
        status: v.ok ? 'pass' : 'fail',
        expected,
        actual,
        reason: because(v.ok ? 'pass' : 'mismatch', { property, expected, actual }),
        ...evidence,
      });
    }
  }
}
