import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

describe('exercises/COVERAGE.md, generated from the packs', () => {
  it('matches what the packs generate (run `npm run coverage`)', () => {
    // Exit code 1 and a "drift:" line when the matrix differs from the packs.
    execFileSync('node', [join(ROOT, 'scripts/gen-coverage.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('lists every competence of the référentiel in its summary, with the exercises that cover it', () => {
    const doc = readFileSync(join(ROOT, 'exercises/COVERAGE.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| ((?:CP|CCS)\d+) — .*\| (\d+) \| (\d+)\/(\d+) \|/gm)];
    assert.equal(rows.length, 20);
    // The sample pack's SSH hardening exercise cites CCS1: the matrix must count it.
    assert.ok(Number(rows.find((r) => r[1] === 'CCS1')?.[2]) >= 1, doc);
  });
});
