import { applyFix, lintText } from '../../extension/src/core/lint/engine';
import { createParser, type ScriptParser } from '../../extension/src/core/lint/parser';
import type { Finding, ScriptLanguage } from '../../extension/src/core/lint/types';

let parser: ScriptParser | undefined;

/** A shared parser for the lint tests (grammars load once). */
export async function testParser(): Promise<ScriptParser> {
  parser ??= await createParser();
  return parser;
}

/** Findings of one rule code in a script. */
export function findingsOf(text: string, language: ScriptLanguage, code: string): Finding[] {
  if (!parser) throw new Error('call testParser() in before()');
  return lintText(parser, text, language).filter((f) => f.code === code);
}

/** Applies the first fix of `code` and re-analyses: returns the fixed text and what the rule still finds. */
export function fixAndRelint(text: string, language: ScriptLanguage, code: string): { text: string; remaining: Finding[] } {
  const f = findingsOf(text, language, code).find((x) => x.fix);
  if (!f?.fix) throw new Error(`${code} offers no fix on: ${text}`);
  const fixed = applyFix(text, f.fix);
  return { text: fixed, remaining: findingsOf(fixed, language, code) };
}

/** A table of cases for one rule: scripts that must trigger it and scripts that must not. */
export interface RuleCases { code: string; bad: string[]; good: string[]; fix?: Array<[string, string]> }
