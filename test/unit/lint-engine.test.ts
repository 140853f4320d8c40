import assert from 'node:assert/strict';
import { detectLanguage } from '../../extension/src/core/lint/detect';
import { LintDocument, lintText } from '../../extension/src/core/lint/engine';
import { RULES } from '../../extension/src/core/lint/rules';
import { referentiel } from '../../extension/src/core/referentiel';
import { testParser } from '../helpers/lint';

describe('script coach engine', () => {
  before(testParser);

  const detect: Array<[string, string, string | undefined]> = [
    ['backup.sh', '', 'bash'],
    ['x.bash', '', 'bash'],
    ['deploy', '#!/bin/bash\n', 'bash'],
    ['deploy', '#!/usr/bin/env bash\n', 'bash'],
    ['Setup.PS1', '', 'powershell'],
    ['m.psm1', '', 'powershell'],
    ['tool', '#!/usr/bin/env pwsh\n', 'powershell'],
    ['notes.txt', 'hello', undefined],
    ['run', '#!/usr/bin/python3\n', undefined],
  ];
  for (const [name, text, lang] of detect)
    it(`detects ${name} ${JSON.stringify(text.trim())} as ${lang}`, () => assert.equal(detectLanguage(name, text), lang));

  it('every rule has a stable code, FR and EN texts, a severity and a référentiel critère', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const r of RULES) {
      assert.match(r.code, /^TSSR-[BP]\d{3}$/);
      assert.ok(r.title.fr && r.title.en && r.explanation.fr.length > 40 && r.explanation.en.length > 40, r.code);
      assert.ok(referentiel.critere(r.critere), `${r.code}: unknown critère ${r.critere}`);
    }
    assert.ok(RULES.filter((r) => r.language === 'bash').length >= 13);
    assert.ok(RULES.filter((r) => r.language === 'powershell').length >= 13);
  });

  it('keeps a finding silenced inline, flagged as suppressed (the learner cannot hide it)', async () => {
    const parser = await testParser();
    const text = '#!/bin/bash\nset -e\n# tssr-lab-disable-next-line TSSR-B004\ncp $a /tmp\ncp $b /tmp\n';
    const f = lintText(parser, text, 'bash').filter((x) => x.code === 'TSSR-B004');
    assert.deepEqual(
      f.map((x) => [x.range.line, x.suppressed ?? false]),
      [
        [4, true],
        [5, false],
      ],
    );
  });

  it('honours ShellCheck directives for the TSSR twin rule, and file-wide directives', async () => {
    const parser = await testParser();
    const sc = lintText(parser, '#!/bin/bash\nset -e\n# shellcheck disable=SC2086\ncp $a /tmp\n', 'bash').find((x) => x.code === 'TSSR-B004');
    assert.equal(sc?.suppressed, true);
    const file = lintText(parser, '#!/bin/bash\n# tssr-lab-disable TSSR-B012\nset -e\nread a\nread b\n', 'bash').filter((x) => x.code === 'TSSR-B012');
    assert.deepEqual(
      file.map((x) => x.suppressed),
      [true, true],
    );
  });

  it('leaves ignored codes out entirely', async () => {
    const parser = await testParser();
    assert.deepEqual(
      lintText(parser, 'cp $a b\n', 'bash', { ignore: ['TSSR-B004', 'TSSR-B001', 'TSSR-B002', 'TSSR-B006'] }).map((f) => f.code),
      [],
    );
  });

  it('re-analyses incrementally after a one-line edit with the same result as a full analysis', async () => {
    const parser = await testParser();
    const text = '#!/bin/bash\n# Description : x\n# Auteur : a 2026-01-01\nset -e\nfor f in *.log; do\n  gzip "$f"\ndone\n';
    const doc = new LintDocument(parser, 'bash');
    assert.deepEqual(
      doc.analyse(text).map((f) => f.code),
      [],
    );
    const at = text.indexOf('gzip "$f"');
    doc.edit(at, at + 'gzip "$f"'.length, 'gzip $f');
    const edited = doc.findings();
    const full = lintText(parser, text.replace('gzip "$f"', 'gzip $f'), 'bash');
    assert.deepEqual(
      edited.map((f) => [f.code, f.start]),
      full.map((f) => [f.code, f.start]),
    );
    assert.deepEqual(
      edited.map((f) => f.code),
      ['TSSR-B004'],
    );
    doc.dispose();
  });

  it('parses once after several edits (typing faster than the debounce) and matches a full analysis', async () => {
    const parser = await testParser();
    const text = '#!/bin/bash\n# Description : x\n# Auteur : a 2026-01-01\nset -e\nfor f in *.log; do\n  gzip "$f"\ndone\n';
    const doc = new LintDocument(parser, 'bash');
    doc.analyse(text);
    // Three keystrokes on two lines: a new line above the loop, then the quotes removed around $f.
    doc.edit(text.indexOf('for'), text.indexOf('for'), 'cd /tmp\n');
    const moved = doc.current.indexOf('"$f"');
    doc.edit(moved + 3, moved + 4, '');
    doc.edit(moved, moved + 1, '');
    const expected = text.replace('for', 'cd /tmp\nfor').replace('"$f"', '$f');
    assert.equal(doc.current, expected);
    const full = lintText(parser, expected, 'bash');
    assert.deepEqual(
      doc.findings().map((f) => [f.code, f.start, f.range.line]),
      full.map((f) => [f.code, f.start, f.range.line]),
    );
    assert.deepEqual(
      full.map((f) => f.code),
      ['TSSR-B004'],
    );
    doc.dispose();
  });
});
