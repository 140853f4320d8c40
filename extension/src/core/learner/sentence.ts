import type { Check, Reason, Result } from '../../../../schemas/generated/types';
import { messages, t, type Lang, type MessageKey } from '../i18n';
import { describeMatcher } from '../i18n/describe';
import { fill } from '../i18n/define';
import { reasons } from '../i18n/reasons';
import { localize } from '../text';
import { subjectOf } from './subject';
import { clip, hasRegex, literalOf, operatorOf, plain, wantedClause } from './values';

// Reasons about the pack's own mistakes (a bad regex): the learner cannot act on them, the trainer can.
const PACK_BUGS = new Set(['badMatcher', 'regexInvalid', 'regexTimeout', 'regexCrashed']);
const TEXT_BASES = new Set(['stdout', 'stderr', 'contents', 'body', 'headers']);

/** A property name taken apart: `stdout[0]` → stdout, `creates[1].contents`, `permissions.group.write`, `attributes.mail`. */
export function parseProperty(property: string): { base: string; sub?: string; key?: string } {
  const indexed = /^(\w+)\[[^\]]*\](?:\.(\w+))?$/.exec(property);
  if (indexed) return { base: indexed[1], sub: indexed[2] };
  const dotted = /^(\w+)\.(.+)$/.exec(property);
  if (dotted) return { base: dotted[1], key: dotted[2] };
  return { base: property };
}

/** Whether a property is a text (an output, contents, a response body) that matchers search. */
export function isTextProperty(property: string): boolean {
  const { base, sub } = parseProperty(property);
  return TEXT_BASES.has(base) || sub === 'contents';
}

const has = (key: string): key is MessageKey => key in messages;
const quote = (lang: Lang, s: string): string => t(lang, 'matcher.quote', clip(s, 60));

/** The property as a noun (« la sortie standard »), never its key. */
function nounOf(lang: Lang, property: string): string {
  const { base, key } = parseProperty(property);
  if (base === 'policy' && key) return t(lang, 'learner.noun.policy', key);
  if (base === 'attributes' && key) return t(lang, 'learner.noun.attribute', key);
  const k = `learner.noun.${base}`;
  return has(k) ? t(lang, k) : t(lang, 'learner.otherProperty');
}

/** « La sortie de … ne contient pas « x » », from a text matcher; a regex is read as plain text when it is one. */
function textSentence(lang: Lang, subject: string, expected: unknown): string {
  const [op, arg] = operatorOf(expected) ?? (expected && typeof expected === 'object' ? Object.entries(expected)[0] : ['equals', expected]);
  const [innerOp, innerArg] =
    op === 'not' ? (operatorOf(arg) ?? ['equals', arg]) : op === 'notContains' ? ['contains', arg] : op === 'notMatches' ? ['matches', arg] : [];
  if (innerOp) {
    const lit = innerOp === 'matches' ? literalOf(String(innerArg)) : innerOp === 'contains' && typeof innerArg === 'string' ? { text: innerArg } : undefined;
    return lit ? t(lang, 'learner.text.unwantedContains', subject, quote(lang, lit.text)) : t(lang, 'learner.text.unwantedMatch', subject);
  }
  if (op === 'contains' && typeof arg === 'string') return t(lang, 'learner.text.notContains', subject, quote(lang, arg));
  if (op === 'matches') {
    const lit = literalOf(String(arg));
    if (!lit) return t(lang, 'learner.text.noMatch', subject);
    return t(lang, lit.line ? 'learner.text.noLine' : 'learner.text.notContains', subject, quote(lang, lit.text));
  }
  if (op === 'equals' && typeof arg === 'string') return t(lang, 'learner.text.notEqual', subject);
  return t(lang, 'learner.text.other', subject);
}

/** The subject of a text property: the command's output, the file's contents, the page's response. */
function textSubject(lang: Lang, base: string, subject: string, r: Result, check: Check | undefined): string {
  if (base === 'body' || base === 'headers') return t(lang, `learner.text.${base}`, check?.type === 'http' ? check.url : subject);
  if (base === 'stdout' || base === 'stderr') return t(lang, `learner.text.${base}`, subject);
  if (base === 'creates') return t(lang, 'learner.text.created', String(r.expected ?? r.path ?? ''));
  return subject;
}

/** A value found, in words: permission classes as people (« son groupe »), anything else plain. */
function words(lang: Lang, base: string, v: unknown): string {
  const who = (x: unknown): string => (has(`learner.who.${String(x)}`) ? t(lang, `learner.who.${String(x)}` as MessageKey) : plain(lang, x));
  if (/^(readable|writable|executable)By$/.test(base) && Array.isArray(v)) return v.length ? v.map(who).join(', ') : t(lang, 'learner.nothing');
  return plain(lang, v);
}

/** The sentence for a value that differs from the expected one. */
function mismatch(lang: Lang, r: Result, subject: string, check: Check | undefined): string {
  const { base, key } = parseProperty(r.property);
  if (isTextProperty(r.property)) return textSentence(lang, textSubject(lang, base, subject, r, check), r.expected);
  if (base === 'permissions' && key) {
    const [who, bit] = key.split('.');
    const args = [subject, words(lang, 'readableBy', [who]), has(`learner.bit.${bit}`) ? t(lang, `learner.bit.${bit}` as MessageKey) : bit];
    return r.actual === true ? t(lang, 'learner.is.permission', ...args) + t(lang, 'learner.unwanted') : t(lang, 'learner.isNot.permission', ...args);
  }
  if (typeof r.actual === 'boolean' && has(`learner.is.${base}`)) {
    if (!r.actual) return t(lang, `learner.isNot.${base}` as MessageKey, subject);
    return t(lang, `learner.is.${base}` as MessageKey, subject) + t(lang, 'learner.unwanted');
  }
  if (base === 'exitStatus' && typeof r.actual === 'string' && r.actual.startsWith('SIG')) return t(lang, 'learner.has.signal', subject, r.actual);
  if (base === 'sha256') return t(lang, 'learner.has.sha256', subject);
  const wanted = wantedClause(lang, r.expected, (v) => words(lang, base, v));
  const k = `learner.has.${base}`;
  if (has(k)) return t(lang, k, subject, words(lang, base, r.actual)) + wanted;
  return t(lang, 'learner.genericValue', subject, words(lang, base, r.actual), nounOf(lang, r.property)) + wanted;
}

/** A reason from the catalogue, with its params in the learner's words: no property key, no regex, no JSON. */
function reasonSentence(lang: Lang, reason: Reason, r: Result, subject: string): string {
  if (PACK_BUGS.has(reason.code)) return t(lang, 'learner.packBug');
  if (reason.code === 'skipped' && isReason(reason.params?.why))
    return t(lang, 'learner.skipped', lowerFirst(reasonSentence(lang, reason.params.why, r, subject)));
  const own = `learner.reason.${reason.code}`;
  const entry = has(own) ? messages[own] : reasons[reason.code];
  if (!entry || reason.code === 'pass') return r.status === 'pass' ? t(lang, 'learner.pass', subject) : t(lang, 'learner.unknownReason', subject);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(reason.params ?? {})) params[k] = learnerParam(lang, k, v);
  const text = fill(entry[lang], params, (nested) => reasonSentence(lang, nested as Reason, r, subject), lang);
  return /^[a-z\u00e0-\u00ff]/.test(entry[lang]) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function learnerParam(lang: Lang, name: string, v: unknown): unknown {
  if (isReason(v)) return v;
  if (name === 'property' && typeof v === 'string') return nounOf(lang, v);
  if (name === 'pattern') {
    const lit = literalOf(String(v));
    return lit ? quote(lang, lit.text) : t(lang, 'learner.theWanted');
  }
  // `fill` words `expected` as a matcher; a regex inside is never shown.
  if (name === 'expected') return hasRegex(v) ? t(lang, 'learner.theWanted') : describeMatcher(lang, v);
  if (name === 'actual') return v;
  return typeof v === 'object' && v !== null ? plain(lang, v) : v;
}

const isReason = (v: unknown): v is Reason => typeof v === 'object' && v !== null && typeof (v as Reason).code === 'string';
const lowerFirst = (s: string): string => (/^[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff\u2019']/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/**
 * One short sentence about one property, in the learner's language: the trainer's `message` when the check has one,
 * else built from the result's reason code and params, the property, the expected matcher and the value found.
 */
export function learnerSentence(lang: Lang, r: Result, check: Check | undefined, workspaceFiles: readonly string[]): string {
  if (check?.message) return localize(check.message, lang);
  const subject = subjectOf(lang, check, r.checkType, workspaceFiles, r.path);
  const code = r.reason?.code;
  if (r.status === 'fail' && (code === undefined || code === 'mismatch' || code === 'mismatchTruncated')) {
    const limit = r.reason?.params?.limit;
    return mismatch(lang, r, subject, check) + (code === 'mismatchTruncated' ? t(lang, 'learner.truncated', limit) : '');
  }
  if (r.reason) return reasonSentence(lang, r.reason, r, subject);
  return r.status === 'pass' ? t(lang, 'learner.pass', subject) : t(lang, 'learner.unknownReason', subject);
}
