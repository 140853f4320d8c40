import { describeMatcher, excerpt } from './describe';
import type { Lang } from './lang';

/** One message in every language, side by side; `{name}` placeholders take the reason's params. */
export type Texts = Record<Lang, string>;

/** A group of catalogue entries keyed by code; each entry must give every language (checked by the type). */
export type Entries = Record<string, Texts>;

/** Declares catalogue entries; the identity function keeps each group's keys typed. */
export function defineEntries<E extends Entries>(entries: E): E {
  return entries;
}

/** Compact rendering of a value inside a sentence: text as is, structures as short JSON, one line. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  const s = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\r?\n/g, '⏎');
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}

/**
 * Fills `{name}` placeholders from params; a nested reason (`{why}` holding `{code, params}`) is rendered first.
 * `{expected}` is a matcher in words (describeMatcher) and `{actual}` a short one-line excerpt, so a learner reads
 * « contient « compta » », never `{"contains":"compta"}` against a whole output.
 */
export function fill(
  template: string,
  params: Record<string, unknown> | undefined,
  nested: (r: { code: string; params?: Record<string, unknown> }) => string,
  lang: Lang = 'fr',
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!params || !(name in params)) return whole;
    const v = params[name];
    if (v && typeof v === 'object' && 'code' in v && typeof (v as { code: unknown }).code === 'string') return nested(v as { code: string });
    if (name === 'expected') return describeMatcher(lang, v);
    if (name === 'actual') return excerpt(lang, v);
    return show(v);
  });
}
