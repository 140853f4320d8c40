import assert from 'node:assert/strict';
import type { RunReport } from '../../schemas/generated/types';
import { runReporters } from '../../extension/src/core/report/run';
import { formatCriterionBlock, formatSummary } from '../../extension/src/core/report/run/text-blocks';
import { formatProblem } from '../../extension/src/core/problems';

const hostile = 'Titre\u001b[31m rouge\u0000\u0007\u009b2J\ud800';

function report(): RunReport {
  return {
    reportVersion: 1,
    exercise: { id: 'ex', title: hostile, competences: ['CP9'] },
    target: 'local',
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 5,
    outcome: 'complete',
    totals: { points: 1, earned: 0, passed: 0, failed: 1, errors: 0, notRun: 0 },
    criteria: [
      {
        id: 'c1',
        title: hostile,
        referentiel: 'CP9.1',
        points: 1,
        earned: 0,
        status: 'failed',
        hint: hostile,
        results: [
          { event: 'result', criterionId: 'c1', checkIndex: 0, checkType: 'command', property: 'stdout', status: 'fail', message: hostile, durationMs: 1 },
        ],
      },
    ],
  };
}

// XML 1.0 Char production: tab, newline, return, and the ranges below; C1 controls refused too (they act on terminals).
const XML_CHAR = /^[\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('reports never carry control characters', () => {
  it('the text reporter shows ESC, NUL, BEL and C1 escaped', () => {
    const text = [formatSummary(report(), { lang: 'fr' }), formatCriterionBlock(report().criteria[0], undefined, { lang: 'fr' })].join('\n');
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    assert.match(text, /Titre\\x1b\[31m rouge\\x00\\x07\\x9b2J/);
  });

  it('the JUnit reporter writes well-formed XML 1.0 characters only', () => {
    const xml = runReporters.junit.render(report(), { lang: 'fr' })[0].content;
    assert.match(xml, XML_CHAR);
    // Removed, as XML cannot hold them: what remains of an escape sequence is inert text.
    assert.match(xml, /name="c1 — Titre\[31m rouge2J \[CP9\.1\]"/);
  });

  it('a located problem quoting hostile text stays on one inert line', () => {
    const line = formatProblem({ file: 'exercise.yaml', range: { line: 3, col: 1, endLine: 3, endCol: 2 }, severity: 'error', code: 'x', message: hostile });
    assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
