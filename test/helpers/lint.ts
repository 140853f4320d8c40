import assert from 'node:assert/strict';
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
export interface RuleCases {
  code: string;
  bad: string[];
  good: string[];
  fix?: Array<[string, string]>;
}

/** Declares, for each rule, one test per bad case (must trigger), per good case (must not) and per fix (applies, then clean). */
export function ruleTable(table: RuleCases[], language: ScriptLanguage): void {
  for (const { code, bad, good, fix } of table) {
    describe(code, () => {
      bad.forEach((text, i) => it(`triggers on bad case ${i + 1}`, () => assert.ok(findingsOf(text, language, code).length > 0, text)));
      good.forEach((text, i) =>
        it(`stays quiet on good case ${i + 1}`, () =>
          assert.deepEqual(
            findingsOf(text, language, code).map((f) => f.message.en),
            [],
            text,
          )),
      );
      (fix ?? []).forEach(([before, after], i) =>
        it(`quick fix ${i + 1} applies and clears the finding`, () => {
          const r = fixAndRelint(before, language, code);
          assert.equal(r.text, after);
          assert.deepEqual(r.remaining, []);
        }),
      );
    });
  }
}
