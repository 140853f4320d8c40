import assert from 'node:assert/strict';
import { validateText, loadPack, allProblems } from '../../extension/src/core/pack';
import { formatProblem } from '../../extension/src/core/problems';
import { PACK } from '../helpers/paths';

const valid = `id: ex
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

function problems(text: string, lang: 'fr' | 'en' = 'fr', exists = true) {
  return validateText('exercise', text, 'exercise.yaml', lang, () => (exists ? { ok: true, abs: '/x' } : { ok: false, violation: 'missing' })).problems;
}

describe('pack validation with positions', () => {
  it('accepts a valid exercise', () => {
    assert.deepEqual(problems(valid), []);
  });

  const cases: Array<[string, string, number, number, RegExp]> = [
    ['malformed YAML', valid.replace('title: Titre', 'title: [Titre'), 8, 5, /YAML invalide/],
    ['an unknown check type', valid.replace('type: file', 'type: servise'), 12, 9, /Type de vérification inconnu « servise ».*\bcommand\b.*\bfile\b/],
    ['an unknown competence', valid.replace('[CP9]', '[CP9, CP42]'), 3, 20, /Compétence inconnue « CP42 »/],
    ['an unknown référentiel critère', valid.replace('CP9.1', 'CP9.9'), 8, 18, /Critère du référentiel inconnu « CP9.9 »/],
    ['an unknown property, at its key', valid.replace('    points: 1', '    points: 1\n    poids: 2'), 10, 5, /propriété inconnue « poids »/],
    ['a wrong type', valid.replace('points: 1', 'points: beaucoup'), 9, 13, /points.*nombre|number/],
    ['a missing required property', valid.replace('    hint: Indice\n', ''), 6, 5, /hint/],
    [
      'a command exec given as a string',
      valid.replace('      - type: file\n        path: /etc/passwd', '      - type: command\n        exec: ls -l'),
      13,
      15,
      /exec/,
    ],
  ];
  for (const [name, text, line, col, message] of cases) {
    it(`locates ${name} at ${line}:${col}`, () => {
      const p = problems(text);
      assert.ok(p.length >= 1, 'no problem reported');
      assert.match(p[0].message, message);
      assert.deepEqual([p[0].range.line, p[0].range.col], [line, col], formatProblem(p[0]));
    });
  }

  it('reports a missing statement file', () => {
    const p = problems(valid, 'fr', false);
    assert.ok(p.some((x) => x.code === 'missing-file' && /enonce\.md/.test(x.message)));
  });

  it('refuses a path leaving the exercise folder even without a folder to look in (text being edited)', () => {
    const p = validateText('exercise', valid.replace('apply: s.sh', 'apply: ../../etc/shadow'), 'exercise.yaml', 'fr').problems;
    assert.deepEqual(
      p.map((x) => [x.code, x.range.line, x.range.col]),
      [['path-outside', 4, 20]],
    );
    assert.match(p[0].message, /sort du dossier de l’exercice/);
  });

  it('speaks English on demand', () => {
    assert.match(problems(valid.replace('CP9.1', 'CP9.9'), 'en')[0].message, /Unknown référentiel critère "CP9.9"/);
  });

  it('formats problems as file:line:col: message', () => {
    assert.match(formatProblem(problems(valid.replace('[CP9]', '[X1]'))[0]), /^exercise\.yaml:3:15: Compétence inconnue/);
  });

  it('loads the sample pack without any problem and with three exercises', () => {
    const pack = loadPack(PACK);
    assert.deepEqual(allProblems(pack).map(formatProblem), []);
    assert.equal(pack.exercises.length, 3);
    for (const ex of pack.exercises) assert.ok(ex.data!.solution, `${ex.dir} has no solution`);
  });
});
