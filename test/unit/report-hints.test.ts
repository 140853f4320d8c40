import assert from 'node:assert/strict';
import type { Exercise } from '../../schemas/generated/types';
import { HintLedger } from '../../extension/src/core/hints';
import { withHintUse } from '../../extension/src/core/report/hints';
import { validate } from '../../extension/src/core/schemas';
import { Session } from '../../extension/src/core/session';

const exercise: Exercise = {
  id: 'e',
  title: 'E',
  competences: ['CP9'],
  solution: { apply: 's' },
  criteria: [
    { id: 'a', title: 'A', referentiel: 'CP9.1', points: 2, hints: ['h1', 'h2', 'h3'], checks: [{ type: 'file', path: '/x' }] },
    { id: 'b', title: 'B', referentiel: 'CP9.3', points: 3, checks: [{ type: 'file', path: '/y' }] },
  ],
};
const lines = [
  JSON.stringify({ event: 'hello', protocol: '1.0', agentVersion: '0', node: 'v18', platform: 'linux', checkTypes: ['file'] }),
  JSON.stringify({ event: 'result', criterionId: 'a', checkIndex: 0, checkType: 'file', property: 'exists', status: 'fail', durationMs: 1 }),
  JSON.stringify({ event: 'checkEnd', criterionId: 'a', checkIndex: 0, durationMs: 1 }),
  JSON.stringify({ event: 'summary', runId: 'r', counts: { pass: 0, fail: 1, skip: 0, error: 0 }, durationMs: 3 }),
];

describe('hint use in the evaluator’s report', () => {
  it('carries hintsUsed per critère from the learner’s ledger, valid against the report schema', () => {
    const ledger = new HintLedger();
    ledger.next('e', 'a', 3);
    ledger.next('e', 'a', 3);
    const s = new Session(exercise, 'local', 'fr');
    s.hintUse = ledger.usage('e');
    s.start();
    lines.forEach((l) => s.accept(l));
    const report = s.report();
    assert.deepEqual(
      report.criteria.map((c) => [c.id, c.hintsUsed]),
      [
        ['a', 2],
        ['b', 0],
      ],
    );
    assert.deepEqual(validate('report.schema.json', report), []);
  });

  it('leaves hintsUsed out when no record is kept (the CLI), and adds it to a finished report on demand', () => {
    const s = new Session(exercise, 'local', 'fr');
    s.start();
    lines.forEach((l) => s.accept(l));
    const report = s.report();
    assert.ok(report.criteria.every((c) => !('hintsUsed' in c)));
    assert.deepEqual(
      withHintUse(report, { b: 1 }).criteria.map((c) => c.hintsUsed),
      [0, 1],
    );
    assert.deepEqual(validate('report.schema.json', { ...report, criteria: [{ ...report.criteria[0], hintsUsed: -1 }] }).length > 0, true);
  });
});
