/**
 * The one French/English catalogue of TSSR Lab: every sentence a user reads comes from here, French and English side by
 * side (`defineEntries({ key: { fr, en } })`), so a missing language is a type error.
 *
 * One source for the language:
 * - CLI: `--lang`, then TSSR_LAB_LANG, then LC_ALL/LANG; French by default (`detectLang`), decided once in `cli/main.ts`
 *   and passed down to the run, the transports and the renderers.
 * - Editor: `Services.lang()` (the `tssrLab.language` setting, French by default, English a choice), decided once in
 *   `extension.ts`. The editor's own words (notifications, tree, prompts: `ui.ts`) are rendered with it too, so the tree,
 *   the messages and the statements never disagree. Only the manifest (`package.nls*.json`: command titles, setting
 *   descriptions) follows the display language, because VS Code renders it before the extension runs.
 * Core code never guesses a language: it takes a `Lang` argument.
 */
import { file } from './file';
import { lint } from './lint';
import { matcher } from './matcher';
import { pack } from './pack';
import { path } from './path';
import { report } from './report';
import { bashDocsRules } from './rules/bash-docs';
import { bashErrorsRules } from './rules/bash-errors';
import { bashQuotingRules } from './rules/bash-quoting';
import { bashStyleRules } from './rules/bash-style';
import { psDocsRules } from './rules/ps-docs';
import { psSafetyRules } from './rules/ps-safety';
import { psStyleRules } from './rules/ps-style';
import { run } from './run';
import { ssh } from './ssh';
import { cli } from './cli';
import { transport } from './transport';
import { grade } from './grade';
import { ui } from './ui';
import { usage } from './usage';
import { yaml } from './yaml';
import { startTexts } from './start';
import { packTestTexts } from './pack-test';
import { runControlTexts } from './run-control';
import { learnerTexts } from './learner';
import { learnerPathTexts } from './learner-path';
import { runUiTexts } from './run-ui';
import { targetTexts } from './targets';
import { authoringTexts } from './authoring';
import { explainPanelTexts } from './explain-panel';
import type { Lang } from './lang';
import type { Texts } from './define';

export { detectLang, type Lang } from './lang';
export { defineEntries, type Entries, type Texts } from './define';
export { renderReason, reasons } from './reasons';
export { describeMatcher, excerpt } from './describe';

/** The groups of the catalogue, each in its own file. */
const GROUPS = [
  startTexts,
  packTestTexts,
  runControlTexts,
  learnerTexts,
  learnerPathTexts,
  runUiTexts,
  targetTexts,
  authoringTexts,
  explainPanelTexts,
  pack,
  path,
  file,
  usage,
  lint,
  ssh,
  run,
  report,
  yaml,
  ui,
  cli,
  transport,
  grade,
  matcher,
  bashDocsRules,
  bashErrorsRules,
  bashQuotingRules,
  bashStyleRules,
  psDocsRules,
  psSafetyRules,
  psStyleRules,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Every message of the client, by key. Merged into an object created without a prototype, which V8 keeps as a hash
 * table from the start: a `{ ...group, … }` literal of the 800 keys went through one hidden class per key, 5 to 7 ms at
 * every start of the CLI.
 */
export const messages = Object.assign(Object.create(null) as object, ...GROUPS) as UnionToIntersection<(typeof GROUPS)[number]>;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof messages;

/** Formats a catalogue message in the given language; `{0}`, `{1}`… take the arguments in order (a `Texts` argument in that language). */
export function t(lang: Lang, key: MessageKey, ...args: unknown[]): string {
  const template: string = messages[key][lang];
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(inLang(args[Number(i)], lang)) : whole));
}

function inLang(arg: unknown, lang: Lang): unknown {
  return arg !== null && typeof arg === 'object' && typeof (arg as Texts).fr === 'string' && typeof (arg as Texts).en === 'string' ? (arg as Texts)[lang] : arg;
}

/** Joins texts language by language (the missing parts of a header, with "ni"/"nor"). */
export function joinTexts(parts: Texts[], separator: Texts): Texts {
  return { fr: parts.map((p) => p.fr).join(separator.fr), en: parts.map((p) => p.en).join(separator.en) };
}

/** A message in every language, for results rendered later in the reader's language (lint findings). */
export function texts(key: MessageKey, ...args: unknown[]): Texts {
  return { fr: t('fr', key, ...args), en: t('en', key, ...args) };
}

/** A text from an outside tool that has one language only (ShellCheck's messages): shown as is in every language. */
export function sameText(text: string): Texts {
  return { fr: text, en: text };
}
