import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLintCheck, type LintRunCache } from '../../extension/src/core/client-checks';
import type { ScriptParser } from '../../extension/src/core/lint/parser';
import type { LintCheck } from '../../schemas/generated/types';
import { formatCriterionBlock } from '../../extension/src/core/report/run/text-blocks';
import { testParser } from '../helpers/lint';

const SCRIPT = '#!/usr/bin/env bash\ndossier=$1\nrm -f $dossier/*.tmp\nls $dossier\n';

describe('lint check: findings once per file, however many critères lint it', () => {
  let dir: string;
  let parses = 0;
  let counting: ScriptParser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tssr-lint-once-'));
    writeFileSync(join(dir, 'nettoyage.sh'), SCRIPT);
    const real = await testParser();
    // The real parser, counting its parses.
    counting = Object.assign(Object.create(real) as ScriptParser, {
      parse: (...a: Parameters<ScriptParser['parse']>) => {
        parses++;
        return real.parse(...a);
      },
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyses the file once for two critères and lists its findings once in the CLI’s live lines', async () => {
    const cache: LintRunCache = new Map();
    const check: LintCheck = { type: 'lint', files: ['nettoyage.sh'], shellcheck: false };
    const first = await runLintCheck(check, 'guillemets', 0, dir, counting, 'fr', cache);
    const second = await runLintCheck({ ...check, failOn: 'warning' }, 'qualite', 0, dir, counting, 'fr', cache);
    assert.equal(parses, 1);
    const listedLintFiles = new Set<string>();
    const block = (id: string, results: typeof first): string =>
      formatCriterionBlock({ id, title: id, referentiel: 'CP11.3', points: 1, earned: 0, status: 'failed', results }, undefined, {
        lang: 'fr',
        listedLintFiles,
      });
    const lines = [block('guillemets', first), block('qualite', second)].join('\n').split('\n');
    const b004 = lines.filter((l) => l.includes('TSSR-B004'));
    assert.ok(b004.length >= 2, 'both unquoted uses are listed');
    assert.equal(new Set(b004).size, b004.length, `a finding is listed twice:\n${lines.join('\n')}`);
    // Each critère still has its own verdict line, and the evaluator's evidence stays complete on each result.
    assert.equal(lines.filter((l) => /^✘ (guillemets|qualite) —/.test(l)).length, 2);
    assert.deepEqual(second[0].actual, first[0].actual);
  });

  it('analyses again in another run', async () => {
    const before = parses;
    await runLintCheck({ type: 'lint', files: ['nettoyage.sh'], shellcheck: false }, 'qualite', 0, dir, counting, 'fr', new Map());
    assert.equal(parses, before + 1);
  });
});
