import assert from 'node:assert/strict';
import type { Exercise } from '../../schemas/generated/types';
import { buildRequest } from '../../extension/src/core/request';
import { validate } from '../../extension/src/core/schemas';
import { Session } from '../../extension/src/core/session';
import { hintsOf } from '../../extension/src/core/criteria';

const text = (fr: string): { fr: string; en: string } => ({ fr, en: fr });
const base = { id: 'c', title: text('Titre'), referentiel: 'CP9.1', points: 1 };
const check = { type: 'file', path: '/etc/hostname' };

describe('critères: hint ladder and assessment', () => {
  const cases: Array<[string, object, boolean]> = [
    ['a single hint (packs of earlier versions)', { ...base, hint: text('h'), checks: [check] }, true],
    ['a hint ladder', { ...base, hints: [text('coup de pouce'), text('commande exacte')], checks: [check] }, true],
    ['neither hint nor hints', { ...base, checks: [check] }, false],
    ['an empty ladder', { ...base, hints: [], checks: [check] }, false],
    ['an auto critère without checks', { ...base, hint: text('h') }, false],
    ['an auto critère with an empty check list', { ...base, hint: text('h'), checks: [] }, false],
    ['a jury critère without checks', { ...base, hint: text('h'), assessment: 'jury' }, true],
    ['a jury critère with a check', { ...base, hint: text('h'), assessment: 'jury', checks: [check] }, false],
    ['an evidence critère with a check', { ...base, hint: text('h'), assessment: 'evidence', checks: [check] }, true],
    ['an unknown assessment', { ...base, hint: text('h'), assessment: 'maybe', checks: [check] }, false],
  ];
  for (const [name, criterion, ok] of cases) {
    it(`${name} is ${ok ? 'valid' : 'invalid'}`, () => {
      const ex = { id: 'e', title: text('E'), competences: ['CP9'], solution: { apply: 'solution/apply.sh' }, criteria: [criterion] };
      assert.equal(validate('exercise.schema.json', ex).length === 0, ok);
    });
  }

  it('hintsOf reads the ladder, or the single hint as a one-step ladder', () => {
    assert.deepEqual(hintsOf({ ...base, hints: [text('a'), text('b')], checks: [] } as never), [text('a'), text('b')]);
    assert.deepEqual(hintsOf({ ...base, hint: text('a'), checks: [] } as never), [text('a')]);
  });

  it('a jury critère is not sent to the agent and stays not run, marked for the jury', () => {
    const ex = {
      id: 'e',
      title: text('E'),
      competences: ['CP9'],
      solution: { apply: 'solution/apply.sh' },
      criteria: [
        { ...base, id: 'auto', hint: text('h'), checks: [check] },
        { ...base, id: 'oral', hint: text('h'), assessment: 'jury' },
      ],
    } as Exercise;
    const req = buildRequest(ex, '/tmp', { lang: 'fr' });
    assert.deepEqual(
      req.criteria.map((c) => c.id),
      ['auto'],
    );
    const session = new Session(ex, 'local', 'fr');
    session.start();
    session.finish('complete');
    const oral = session.report().criteria.find((c) => c.id === 'oral');
    assert.equal(oral?.assessment, 'jury');
    // Its point is the jury's to give: the checked total is the auto critère's alone.
    assert.equal(session.report().totals.points, 1);
    assert.equal(validate('report.schema.json', session.report()).length, 0);
  });
});
