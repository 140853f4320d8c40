import type { Matcher, MatcherOperator } from '../../../schemas/generated/types';
import type { RegexEngine } from './regex';
import { because, type Reason } from '../reason';
import { satisfies } from './semver';

/** What a matcher needs from the run: the regex worker (patterns come from packs) and the check's deadline. */
export interface MatchContext {
  regex: RegexEngine;
  signal: AbortSignal;
  timeoutMs: number;
}

/** A matcher's verdict; `error` when no verdict can be given (an invalid or runaway regex). */
export type Verdict = { ok: boolean; error?: undefined } | { ok: false; error: Reason };

const isOperator = (m: Matcher): m is MatcherOperator => typeof m === 'object' && m !== null && !Array.isArray(m);

/** Structural equality for the JSON values checks report. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A number from a number or a numeric text ("4096", " 12 "); NaN otherwise. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v.trim());
  return NaN;
}

/** Evaluates a matcher against a value found on the target; never throws. A plain value means equals. */
export async function evaluate(m: Matcher, actual: unknown, ctx: MatchContext): Promise<Verdict> {
  if (!isOperator(m)) return { ok: same(m, actual) };
  const [op, arg] = Object.entries(m)[0] ?? [];
  switch (op as keyof MatcherOperator) {
    case 'equals':
      return { ok: same(arg, actual) };
    case 'contains':
      return contains(arg as Matcher, actual, ctx);
    case 'matches':
      return matches(String(arg), actual, ctx);
    case 'oneOf':
      return { ok: (arg as unknown[]).some((v) => same(v, actual)) };
    case 'consistOf':
      return consistOf(arg as Matcher[], actual, ctx);
    case 'gt':
      return { ok: toNumber(actual) > (arg as number) };
    case 'ge':
      return { ok: toNumber(actual) >= (arg as number) };
    case 'lt':
      return { ok: toNumber(actual) < (arg as number) };
    case 'le':
      return { ok: toNumber(actual) <= (arg as number) };
    case 'semver':
      return typeof actual === 'string' ? { ok: satisfies(actual, String(arg)) } : { ok: false };
    case 'length':
      return lengthOf(arg as Matcher, actual, ctx);
    case 'haveKey':
      return { ok: hasPath(actual, String(arg)) };
    case 'allOf':
      return every(arg as Matcher[], actual, ctx);
    case 'anyOf':
      return some(arg as Matcher[], actual, ctx);
    case 'not': {
      const v = await evaluate(arg as Matcher, actual, ctx);
      return v.error ? v : { ok: !v.ok };
    }
    default:
      return { ok: false, error: because('badMatcher', { matcher: m }) };
  }
}

async function contains(expected: Matcher, actual: unknown, ctx: MatchContext): Promise<Verdict> {
  if (typeof actual === 'string' && typeof expected === 'string') return { ok: actual.includes(expected) };
  if (!Array.isArray(actual)) return { ok: false };
  for (const item of actual) {
    const v = await evaluate(expected, item, ctx);
    if (v.error || v.ok) return v;
  }
  return { ok: false };
}

async function matches(pattern: string, actual: unknown, ctx: MatchContext): Promise<Verdict> {
  if (actual === null || actual === undefined || typeof actual === 'object') return { ok: false };
  const answer = await ctx.regex.test(pattern, String(actual), true, ctx.signal);
  if ('invalid' in answer) return { ok: false, error: because('regexInvalid', { pattern, detail: answer.invalid }) };
  if ('timedOut' in answer) return { ok: false, error: because('regexTimeout', { pattern, timeoutMs: ctx.timeoutMs }) };
  if ('crashed' in answer) return { ok: false, error: because('regexCrashed', { pattern, detail: answer.crashed }) };
  return { ok: answer.index >= 0 };
}

/** Each expected element pairs with a distinct actual element (augmenting paths, so order never matters). */
async function consistOf(expected: Matcher[], actual: unknown, ctx: MatchContext): Promise<Verdict> {
  if (!Array.isArray(actual) || actual.length !== expected.length) return { ok: false };
  const fits: boolean[][] = [];
  for (const m of expected) {
    const row: boolean[] = [];
    for (const item of actual) {
      const v = await evaluate(m, item, ctx);
      if (v.error) return v;
      row.push(v.ok);
    }
    fits.push(row);
  }
  const owner = new Array<number>(actual.length).fill(-1);
  const place = (e: number, seen: boolean[]): boolean =>
    fits[e].some((ok, a) => {
      if (!ok || seen[a]) return false;
      seen[a] = true;
      if (owner[a] === -1 || place(owner[a], seen)) {
        owner[a] = e;
        return true;
      }
      return false;
    });
  return { ok: expected.every((_, e) => place(e, new Array<boolean>(actual.length).fill(false))) };
}

async function lengthOf(m: Matcher, actual: unknown, ctx: MatchContext): Promise<Verdict> {
  if (typeof actual === 'string' || Array.isArray(actual)) return evaluate(m, actual.length, ctx);
  if (actual && typeof actual === 'object') return evaluate(m, Object.keys(actual).length, ctx);
  return { ok: false };
}

/** True when a dotted path (`a.b.0`) leads to a defined value. */
function hasPath(value: unknown, path: string): boolean {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return true;
}

async function every(list: Matcher[], actual: unknown, ctx: MatchContext): Promise<Verdict> {
  for (const m of list) {
    const v = await evaluate(m, actual, ctx);
    if (v.error || !v.ok) return v;
  }
  return { ok: true };
}

async function some(list: Matcher[], actual: unknown, ctx: MatchContext): Promise<Verdict> {
  let error: Verdict | undefined;
  for (const m of list) {
    const v = await evaluate(m, actual, ctx);
    if (v.ok) return v;
    if (v.error) error ??= v;
  }
  return error ?? { ok: false };
}
