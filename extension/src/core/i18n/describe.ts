import { matcher } from './matcher';
import type { Lang } from './lang';

type Key = keyof typeof matcher extends `matcher.${infer K}` ? K : never;
type Op = Record<string, unknown>;

const say = (lang: Lang, key: Key, arg = ''): string => matcher[`matcher.${key}`][lang].replace('{0}', arg);
const isOp = (m: unknown): m is Op => typeof m === 'object' && m !== null && !Array.isArray(m) && Object.keys(m).length === 1;
const OPS = new Set(['equals', 'contains', 'matches', 'oneOf', 'consistOf', 'gt', 'ge', 'lt', 'le', 'semver', 'length', 'haveKey', 'allOf', 'anyOf', 'not']);

/** A value inside a sentence: text quoted in the language's marks, numbers bare, lists joined with "et"/"and". */
export function showValue(lang: Lang, v: unknown, last: 'and' | 'or' = 'and'): string {
  if (v === undefined || v === null) return say(lang, 'nothing');
  if (typeof v === 'string') return say(lang, 'quote', oneLine(v, 60));
  if (Array.isArray(v))
    return joinWords(
      lang,
      v.map((x) => showValue(lang, x)),
      last,
    );
  if (typeof v === 'object') return oneLine(JSON.stringify(v), 60);
  return String(v);
}

/** "a, b et c" / "a, b and c" (or "ou"/"or"). */
function joinWords(lang: Lang, words: string[], last: 'and' | 'or'): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')}${say(lang, last)}${words[words.length - 1]}`;
}

/**
 * A matcher from a pack in the reader's words: `{contains: "compta"}` → « contient « compta » », `{not: 0}` → « différent
 * de 0 », nested `allOf`/`anyOf`/`not` included. A plain value (equals) is the value itself; `fem` agrees with a feminine
 * noun (« de longueur supérieure à 2 »).
 */
export function describeMatcher(lang: Lang, m: unknown, fem = false): string {
  // A plain value at the top is the exact value expected, shown as it is (a list stays a list).
  if (!isOp(m) || !OPS.has(Object.keys(m)[0]))
    return m === undefined || m === null ? say(lang, 'nothing') : oneLine(typeof m === 'string' ? m : JSON.stringify(m), 80);
  const [op, arg] = Object.entries(m)[0];
  const f = (k: 'gt' | 'ge' | 'lt' | 'le' | 'notEquals'): Key => (fem ? `${k}F` : k);
  switch (op) {
    case 'equals':
      return showValue(lang, arg);
    case 'contains':
      return say(lang, 'contains', isOp(arg) ? describeMatcher(lang, arg) : showValue(lang, arg));
    case 'matches':
      return say(lang, 'matches', say(lang, 'quote', oneLine(String(arg), 60)));
    case 'oneOf':
      return say(lang, 'oneOf', showValue(lang, arg, 'or'));
    case 'consistOf':
      return say(
        lang,
        'consistOf',
        joinWords(
          lang,
          (arg as unknown[]).map((x) => (isOp(x) ? describeMatcher(lang, x) : showValue(lang, x))),
          'and',
        ),
      );
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return say(lang, f(op), String(arg));
    case 'semver':
      return say(lang, 'semver', String(arg));
    case 'length':
      return say(lang, 'length', describeMatcher(lang, arg, true));
    case 'haveKey':
      return say(lang, 'haveKey', showValue(lang, arg));
    case 'allOf':
      return joinWords(
        lang,
        (arg as unknown[]).map((x) => part(lang, x, fem)),
        'and',
      );
    case 'anyOf':
      return say(
        lang,
        'group',
        joinWords(
          lang,
          (arg as unknown[]).map((x) => part(lang, x, fem)),
          'or',
        ),
      );
    default:
      return negation(lang, arg, fem);
  }
}

/** A member of allOf/anyOf: a plain value there reads « égal à … ». */
function part(lang: Lang, m: unknown, fem: boolean): string {
  if (!isOp(m) || !OPS.has(Object.keys(m)[0])) return say(lang, 'equals', showValue(lang, m));
  if ('equals' in m) return say(lang, 'equals', showValue(lang, m.equals));
  // A group inside a group keeps its brackets: « (a et b) ou c ».
  return 'allOf' in m ? say(lang, 'group', describeMatcher(lang, m, fem)) : describeMatcher(lang, m, fem);
}

/** `not`, worded as the negative of its operand where French and English have one. */
function negation(lang: Lang, inner: unknown, fem: boolean): string {
  if (!isOp(inner) || !OPS.has(Object.keys(inner)[0])) return say(lang, fem ? 'notEqualsF' : 'notEquals', showValue(lang, inner));
  const [op, arg] = Object.entries(inner)[0];
  if (op === 'equals') return say(lang, fem ? 'notEqualsF' : 'notEquals', showValue(lang, arg));
  if (op === 'contains') return say(lang, 'notContains', isOp(arg) ? describeMatcher(lang, arg) : showValue(lang, arg));
  if (op === 'matches') return say(lang, 'notMatches', say(lang, 'quote', oneLine(String(arg), 60)));
  if (op === 'oneOf') return say(lang, 'notOneOf', showValue(lang, arg, 'or'));
  if (op === 'haveKey') return say(lang, 'notHaveKey', showValue(lang, arg));
  if (op === 'not') return describeMatcher(lang, arg, fem);
  return say(lang, 'not', describeMatcher(lang, inner, fem));
}

/** One line of at most `max` characters, cut with "…". */
function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s*\r?\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * What was found, as a short excerpt: the first non-blank line of a text (never the whole output joined with ⏎),
 * at most 80 characters with "…", saying how many lines follow; structures as one line of JSON.
 */
export function excerpt(lang: Lang, actual: unknown): string {
  if (actual === undefined || actual === null) return '∅';
  if (typeof actual !== 'string') return oneLine(typeof actual === 'object' ? JSON.stringify(actual) : String(actual), 80);
  const lines = actual.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return say(lang, 'quote', actual.replace(/\r?\n/g, ' '));
  const rest = lines.slice(first + 1).filter((l) => l.trim() !== '').length;
  const more = rest ? say(lang, 'moreLines', String(rest)) : '';
  const line = lines[first].trim();
  const room = 80 - more.length;
  return (line.length > room ? `${line.slice(0, room - 1)}…` : line) + more;
}
