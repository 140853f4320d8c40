import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messages, reasons, type Texts } from '../../extension/src/core/i18n';
import { ROOT } from '../helpers/paths';

// Entries whose French is rightly the English: cmdlet names, pure punctuation and words both languages share (a grid's
// « Points » and « Total » columns). Anything else identical is untranslated.
const SAME_IN_BOTH = new Set(['lint.P004.title', 'lint.P008.title', 'matcher.group', 'grade.html.col.points', 'grade.csv.total']);

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the catalogue is complete', () => {
  const groups: Array<[string, Record<string, Texts>]> = [
    ['messages', messages],
    ['reasons', reasons],
  ];

  for (const [name, entries] of groups) {
    it(`${name}: every key has a French and an English text`, () => {
      const bad = Object.entries(entries).filter(([, v]) => typeof v.fr !== 'string' || typeof v.en !== 'string' || !v.fr.trim() || !v.en.trim());
      assert.deepEqual(
        bad.map(([k]) => k),
        [],
      );
      assert.ok(Object.keys(entries).length > (name === 'messages' ? 200 : 5));
    });

    it(`${name}: no French text is the English one left untranslated (but proper nouns and codes)`, () => {
      const same = Object.entries(entries)
        .filter(([k, v]) => v.fr === v.en && !SAME_IN_BOTH.has(k))
        .map(([k]) => k);
      assert.deepEqual(same, []);
    });

    it(`${name}: every {placeholder} of the French is in the English, and the other way round`, () => {
      const differ = Object.entries(entries)
        .filter(([, v]) => placeholders(v.fr).join() !== placeholders(v.en).join())
        .map(([k, v]) => `${k}: ${placeholders(v.fr)} / ${placeholders(v.en)}`);
      assert.deepEqual(differ, []);
    });
  }

  it('message keys and reason codes never collide (one key, one sentence)', () => {
    assert.deepEqual(
      Object.keys(messages).filter((k) => k in reasons),
      [],
    );
  });

  it('the allowed identical texts are still identical (the list does not rot)', () => {
    const all: Record<string, Texts> = { ...messages, ...reasons };
    for (const k of SAME_IN_BOTH) assert.equal(all[k]?.fr, all[k]?.en, k);
  });

  it('extension/src holds no inline {fr, en} literal nor a lang === "fr" test outside the catalogue', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? (p.endsWith(join('core', 'i18n')) ? [] : files(p)) : p.endsWith('.ts') ? [p] : [];
      });
    const offenders = files(join(ROOT, 'extension/src')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f.slice(ROOT.length + 1)}:${i + 1}` }))
        .filter(({ line }) => /\{\s*fr:\s*['"`]|lang [!=]== '(fr|en)'/.test(line))
        .map(({ at }) => at),
    );
    assert.deepEqual(offenders, []);
  });
});
