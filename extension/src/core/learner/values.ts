import { describeMatcher } from '../i18n/describe';
import { t, type Lang } from '../i18n';

const MATCHER_OPS = new Set([
  'equals',
  'contains',
  'matches',
  'oneOf',
  'consistOf',
  'gt',
  'ge',
  'lt',
  'le',
  'semver',
  'length',
  'haveKey',
  'allOf',
  'anyOf',
  'not',
]);

/** The operator of a matcher object (`{contains: x}` → ['contains', x]), or undefined for a plain value. */
export function operatorOf(m: unknown): [string, unknown] | undefined {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const keys = Object.keys(m);
  return keys.length === 1 && MATCHER_OPS.has(keys[0]) ? [keys[0], (m as Record<string, unknown>)[keys[0]]] : undefined;
}

/** Whether a matcher holds a regex anywhere: its source is never shown to a learner. */
export function hasRegex(m: unknown): boolean {
  if (typeof m !== 'object' || m === null) return false;
  if (Array.isArray(m)) return m.some(hasRegex);
  return Object.entries(m).some(([k, v]) => k === 'matches' || hasRegex(v));
}

/** Whether a value holds a structure (an object) that words cannot render without its keys. */
function hasObject(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasObject);
  return typeof v === 'object' && v !== null && !operatorOf(v);
}

/** One line of at most `max` characters, cut with "…". */
export function clip(s: string, max = 160): string {
  const flat = s.replace(/\s*\r?\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A value inside a sentence: a word bare, text with spaces in quotes, lists joined, structures by their values. */
export function plain(lang: Lang, v: unknown): string {
  if (v === undefined || v === null) return t(lang, 'learner.nothing');
  if (typeof v === 'string') {
    if (v === '') return t(lang, 'learner.emptyValue');
    return /\s/.test(v.trim()) || v.length > 60 ? t(lang, 'matcher.quote', clip(v, 60)) : v;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => plain(lang, x)).join(', ') : t(lang, 'learner.nothing');
  if (typeof v === 'object')
    return clip(
      Object.values(v)
        .map((x) => plain(lang, x))
        .join(', '),
      80,
    );
  return String(v);
}

/** What was wanted, after a value found: « au lieu de 0 », « (attendu : différent de 0) », or no value when it is a regex. */
export function wantedClause(lang: Lang, expected: unknown, words: (v: unknown) => string = (v) => plain(lang, v)): string {
  if (expected === undefined) return '';
  if (hasRegex(expected) || hasObject(expected)) return t(lang, 'learner.notTheWanted');
  const op = operatorOf(expected);
  if (!op) return t(lang, 'learner.insteadOf', words(expected));
  if (op[0] === 'equals' && !hasObject(op[1])) return t(lang, 'learner.insteadOf', words(op[1]));
  return t(lang, 'learner.wanted', describeMatcher(lang, expected));
}

/**
 * The plain text a simple regex stands for, so a learner reads « rh/contrat.txt », never `(^|/)rh/contrat\.txt$`:
 * anchors and `(^|/)` dropped, `\.` unescaped, `[Uu]` read as one letter, `\s+` as a space. `line` when both ends are
 * anchored. Undefined as soon as a real pattern remains.
 */
export function literalOf(re: string): { text: string; line: boolean } | undefined {
  let s = re;
  let start = false;
  let end = false;
  if (s.startsWith('^')) [s, start] = [s.slice(1), true];
  else if (/^\((\^\|[^()|]{1,3}|[^()|]{1,3}\|\^)\)/.test(s)) s = s.replace(/^\([^()]*\)/, '');
  if (s.endsWith('$') && !s.endsWith('\\$')) [s, end] = [s.slice(0, -1), true];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (n === 's') {
        out += ' ';
        i += /[+*]/.test(s[i + 2] ?? '') ? 2 : 1;
        continue;
      }
      if (n === undefined || /[A-Za-z0-9]/.test(n)) return undefined;
      out += n;
      i++;
      continue;
    }
    const pair = /^\[([A-Za-z])([A-Za-z])\]/.exec(s.slice(i));
    if (pair && pair[1].toLowerCase() === pair[2].toLowerCase() && pair[1] !== pair[2]) {
      out += pair[1];
      i += 3;
      continue;
    }
    if (c === ' ' && /[+*]/.test(s[i + 1] ?? '')) {
      out += ' ';
      i++;
      continue;
    }
    if ('.[](){}*+?|^$'.includes(c)) return undefined;
    out += c;
  }
  const text = out.trim();
  return text ? { text, line: start && end } : undefined;
}
