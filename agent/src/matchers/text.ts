import type { TextMatcher } from '../../../extension/src/core/generated/protocol';
import type { CheckContext } from '../context';
import { msg } from '../messages';

/** Outcome of one text matcher against a text. */
export interface TextMatch {
  ok: boolean;
  expected: Record<string, string>;
  /** The line that matched (or offended), or a short excerpt when nothing matched. */
  actual: string | null;
  /** 1-based line of the matching or offending text. */
  line?: number;
}

/** Normalises the string shorthand to `{contains}`. */
export function normalise(m: TextMatcher): Record<string, string> {
  return typeof m === 'string' ? { contains: m } : (m as Record<string, string>);
}

function findLine(lines: string[], test: (l: string) => boolean): number {
  return lines.findIndex(test);
}

/** Evaluates one matcher; Goss semantics: contains/matches look at any line, equals at the whole text. */
export function matchText(text: string, matcher: TextMatcher): TextMatch {
  const expected = normalise(matcher);
  const [op, value] = Object.entries(expected)[0];
  const lines = text.split(/\r?\n/);
  const excerpt = text.length > 300 ? text.slice(0, 300) + '…' : text;
  if (op === 'equals') {
    const ok = text.replace(/\n$/, '') === value.replace(/\n$/, '');
    return { ok, expected, actual: excerpt };
  }
  const negate = op.startsWith('not');
  const re = op === 'matches' || op === 'notMatches' ? new RegExp(value, 'm') : null;
  const test = (l: string): boolean => (re ? re.test(l) : l.includes(value));
  // A multi-line pattern may span lines: fall back to the whole text.
  const idx = value.includes('\n') ? (test(text) ? 0 : -1) : findLine(lines, test);
  const found = idx >= 0;
  const ok = negate ? !found : found;
  return found
    ? { ok, expected, actual: lines[idx], line: idx + 1 }
    : { ok, expected, actual: negate ? null : excerpt };
}

/** Runs a list of matchers on a text and reports each as `<prefix>[i]`. */
export function reportMatchers(ctx: CheckContext, prefix: string, text: string, matchers: TextMatcher[] | undefined, path?: string): void {
  (matchers ?? []).forEach((m, i) => {
    const property = `${prefix}[${i}]`;
    const r = matchText(text, m);
    ctx.report({
      property,
      status: r.ok ? 'pass' : 'fail',
      expected: r.expected,
      actual: r.actual,
      message: r.ok ? msg(ctx.lang, 'pass', property) : msg(ctx.lang, 'mismatch', property, r.expected, r.actual),
      ...(path && r.line ? { path, line: r.line } : {}),
    });
  });
}
