import assert from 'node:assert/strict';
import { validateText } from '../../extension/src/core/pack';

const base = `id: ex
title: Exercice
competences: [CP9]
solution: { apply: s.sh }
criteria:
  - id: c1
    title: Titre
    referentiel: CP9.1
    points: 1
    hint: Indice
    checks:
      - type: file
        path: /etc/passwd
`;

/** Problems of an exercise text, as [code, line, col], with every named file present. */
function problems(text: string): Array<[string, number, number]> {
  return validateText('exercise', text, 'exercise.yaml', 'fr', () => ({ ok: true, abs: '/x' })).problems.map((p) => [p.code, p.range.line, p.range.col]);
}

describe('exercise lifecycle: setup, cleanup and startsMet', () => {
  it('an exercise without them still validates (the schema grew by adding)', () => {
    assert.deepEqual(problems(base), []);
  });

  it('accepts setup and cleanup scripts and a critère that starts met', () => {
    const text = base
      .replace('solution:', 'setup: setup/depart.sh\ncleanup: setup/fin.sh\nsolution:')
      .replace('    points: 1', '    points: 1\n    startsMet: true');
    assert.deepEqual(problems(text), []);
  });

  for (const key of ['setup', 'cleanup']) {
    it(`refuses a ${key} path that leaves the exercise folder, at the path`, () => {
      const p = validateText('exercise', base.replace('solution:', `${key}: ../../etc/shadow\nsolution:`), 'exercise.yaml', 'fr').problems;
      assert.deepEqual(
        p.map((x) => [x.code, x.range.line, x.range.col]),
        [['path-outside', 4, key.length + 3]],
      );
      assert.match(p[0].message, /sort du dossier de l’exercice/);
    });
  }

  it('refuses a setup that is not a string, and a startsMet that is not a boolean', () => {
    assert.ok(problems(base.replace('solution:', 'setup: [a.sh]\nsolution:')).length > 0);
    assert.ok(problems(base.replace('    points: 1', '    points: 1\n    startsMet: oui')).length > 0);
  });
});
