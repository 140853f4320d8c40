import assert from 'node:assert/strict';
import { HintLedger } from '../../extension/src/core/hints';
import { describeFailure } from '../../extension/src/core/learner/failure';

describe('hint ledger and learner failure seams', () => {
  it('reveals a ladder one step at a time, then nothing more, and survives a JSON round trip', () => {
    const ledger = new HintLedger();
    assert.equal(ledger.next('ex', 'c', 2), 0);
    assert.equal(ledger.next('ex', 'c', 2), 1);
    assert.equal(ledger.next('ex', 'c', 2), undefined);
    assert.deepEqual(new HintLedger(JSON.parse(JSON.stringify(ledger))).usage('ex'), { c: 2 });
    assert.equal(ledger.revealed('ex', 'other'), 0);
  });

  it('locates a failure at the learner file when it is a workspace file, else on the target', () => {
    const base = {
      event: 'result',
      criterionId: 'c',
      checkIndex: 0,
      checkType: 'file',
      property: 'contents',
      status: 'fail',
      message: 'm',
      durationMs: 1,
    } as const;
    assert.deepEqual(describeFailure({ ...base, path: './sauvegarde.sh', line: 3 }, ['sauvegarde.sh']).location, {
      scheme: 'workspace',
      path: 'sauvegarde.sh',
      line: 3,
    });
    assert.deepEqual(describeFailure({ ...base, path: '/etc/ssh/sshd_config', line: 7 }).location, { scheme: 'target', path: '/etc/ssh/sshd_config', line: 7 });
    assert.equal(describeFailure({ ...base }).location, undefined);
  });
});
