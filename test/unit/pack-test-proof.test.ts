import assert from 'node:assert/strict';
import type { Exercise, RunReport } from '../../schemas/generated/types';
import { formatTable, freshProblems, needsContainer, solvedProblems, type ProofRow } from '../../extension/src/cli/lab/proof';

const criterion = (id: string, startsMet?: boolean): Exercise['criteria'][number] => ({
  id,
  title: id,
  referentiel: 'CCS1.1',
  points: 1,
  hint: 'h',
  checks: [{ type: 'file', path: '/etc/passwd' }],
  ...(startsMet ? { startsMet } : {}),
});
const ex: Exercise = { id: 'ex', title: 'Ex', competences: ['CCS1'], solution: { apply: 'a.sh' }, criteria: [criterion('donne', true), criterion('travail')] };

/** A report with these critère statuses; a non-passed critère carries one failing result. */
function report(statuses: Record<string, RunReport['criteria'][number]['status']>, outcome: RunReport['outcome'] = 'complete'): RunReport {
  const criteria = Object.entries(statuses).map(([id, status]) => ({
    id,
    title: id,
    referentiel: 'CCS1.1',
    points: 1,
    earned: status === 'passed' ? 1 : 0,
    status,
    results:
      status === 'passed'
        ? []
        : [
            {
              event: 'result',
              criterionId: id,
              checkIndex: 0,
              checkType: 'file',
              property: 'exists',
              status: status === 'error' ? 'error' : 'fail',
              message: 'absent',
            },
          ],
  })) as RunReport['criteria'];
  const n = (s: string) => criteria.filter((c) => c.status === s).length;
  return {
    reportVersion: 1,
    exercise: { id: 'ex', title: 'Ex', competences: ['CCS1'] },
    target: 'local',
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    outcome,
    ...(outcome === 'interrupted' ? { error: 'connexion perdue' } : {}),
    criteria,
    totals: { points: criteria.length, earned: n('passed'), passed: n('passed'), failed: n('failed'), errors: n('error'), notRun: n('notRun') },
  };
}

describe('pack test verdicts', () => {
  const fresh: Array<[string, RunReport, RegExp[]]> = [
    ['every critère failing is the proof', report({ donne: 'failed', travail: 'failed' }), []],
    ['a startsMet critère may pass', report({ donne: 'passed', travail: 'notRun' }), []],
    ['any other critère passing is not', report({ donne: 'passed', travail: 'passed' }), [/ex : le critère travail réussit déjà au départ.*startsMet: true/]],
    [
      'an error is a broken check, not a failing one',
      report({ donne: 'failed', travail: 'error' }),
      [/le critère travail est en erreur au départ.*exists: absent/],
    ],
    ['an interrupted run proves nothing', report({ donne: 'failed', travail: 'failed' }, 'interrupted'), [/vérification interrompue : connexion perdue/]],
  ];
  for (const [name, r, expected] of fresh) {
    it(`fresh: ${name}`, () => {
      const got = freshProblems(ex, r, 'fr');
      assert.equal(got.length, expected.length, got.join('\n'));
      expected.forEach((re, i) => assert.match(got[i], re));
    });
  }

  it('solved: a jury critère has no checks and stays notRun; it is left out of the proof, an auto one is not', () => {
    const withJury = report({ donne: 'passed', travail: 'passed', recette: 'notRun' });
    withJury.criteria[2].assessment = 'jury';
    assert.deepEqual(solvedProblems(ex, withJury, 'en'), []);
    const notRunAuto = report({ donne: 'passed', travail: 'notRun' });
    assert.equal(solvedProblems(ex, notRunAuto, 'en').length, 1);
  });

  it('solved: every critère must pass, startsMet or not; the first failing result is quoted', () => {
    assert.deepEqual(solvedProblems(ex, report({ donne: 'passed', travail: 'passed' }), 'en'), []);
    assert.deepEqual(solvedProblems(ex, report({ donne: 'failed', travail: 'passed' }), 'en'), [
      'ex: critère donne does not pass with the solution (FAILED): exists: absent',
    ]);
  });

  it('solved: a jury critère has no checks and stays notRun; it is recorded, not a failed proof', () => {
    const jury = report({ donne: 'passed', travail: 'passed', oral: 'notRun' });
    jury.criteria[2].assessment = 'jury';
    assert.deepEqual(solvedProblems(ex, jury, 'en'), []);
    assert.equal(solvedProblems(ex, report({ donne: 'passed', travail: 'notRun' }), 'en').length, 1);
  });

  it('fresh: a critère skipped because its prerequisite failed (needs) is accepted; any other error is not', () => {
    const r = report({ donne: 'failed', travail: 'error' });
    const skip = {
      event: 'result' as const,
      criterionId: 'travail',
      checkIndex: 0,
      checkType: 'file',
      property: 'needs',
      status: 'skip' as const,
      durationMs: 0,
    };
    const blocked = { ...r, criteria: r.criteria.map((c) => (c.id === 'travail' ? { ...c, results: [skip] } : c)) };
    assert.deepEqual(freshProblems(ex, blocked, 'en'), []);
    const broken = {
      ...r,
      criteria: r.criteria.map((c) => (c.id === 'travail' ? { ...c, results: [{ ...skip, property: 'exists', status: 'error' as const }] } : c)),
    };
    assert.equal(freshProblems(ex, broken, 'en').length, 1);
  });

  it('needs a container for setup, apply or cleanup scripts, not for files-only solutions', () => {
    assert.equal(needsContainer(ex), true);
    assert.equal(needsContainer({ ...ex, solution: { files: 'solution' } }), false);
    assert.equal(needsContainer({ ...ex, solution: { files: 'solution' }, setup: 's.sh' }), true);
  });

  it('prints one aligned row per exercise with phase times, a dash where a phase does not apply', () => {
    const rows: ProofRow[] = [
      {
        id: 'ex',
        where: 'container',
        fresh: report({ donne: 'passed', travail: 'failed' }),
        solved: report({ donne: 'passed', travail: 'passed' }),
        times: { boot: 3.14, setup: 0.5, fresh: 1, apply: 0.25, solved: 1 },
        verdict: 'ok',
        problems: [],
      },
      { id: 'script', where: 'local', times: { fresh: 0.9 }, verdict: 'failed', problems: ['x'] },
    ];
    const lines = formatTable(rows, 'fr', [ex]).split('\n');
    assert.match(lines[0], /^Exercice +Départ +Résolu +Démarrage +préparation +vérif\. départ +application +vérif\. résolu +Bilan$/);
    assert.match(lines[2], /^ex +1\/2 réussis \(1 startsMet\) +2\/2 réussis +3\.1 s +0\.5 s +1\.0 s +0\.3 s +1\.0 s +PROUVÉ$/);
    assert.match(lines[3], /^script +— +— +— +— +0\.9 s +— +— +ÉCHEC$/);
    assert.equal(lines[2].indexOf('PROUVÉ'), lines[3].indexOf('ÉCHEC'));
  });
});
