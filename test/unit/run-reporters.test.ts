import assert from 'node:assert/strict';
import type { Check, Exercise, Result, RunReport } from '../../schemas/generated/types';
import { runOutput, runReporters, type RunReportOptions } from '../../extension/src/core/report/run';
import { formatCriterionBlock } from '../../extension/src/core/report/run/text-blocks';
import { validate } from '../../extension/src/core/schemas';
import { xmlProblem } from '../helpers/xml';

const help: Check = { type: 'command', exec: ['bash', 'sauvegarde.sh', '--help'], exitStatus: 0, stdout: [{ contains: 'Usage' }] };
const exercise: Exercise = {
  id: 'sauvegarde',
  title: 'Script de sauvegarde',
  competences: ['CCS4'],
  workspaceFiles: ['sauvegarde.sh'],
  solution: { files: 'solution' },
  criteria: [
    { id: 'present', title: 'Le script existe', referentiel: 'CCS4.1', points: 1, checks: [{ type: 'file', path: 'sauvegarde.sh' }] },
    {
      id: 'aide',
      title: '« --help » affiche l’usage',
      referentiel: 'CCS4.2',
      points: 2,
      hints: [{ fr: 'Traitez --help', en: 'Handle --help' }],
      checks: [help, { ...help, exec: ['bash', 'sauvegarde.sh', '-h'] }],
    },
    { id: 'oral', title: 'Explication au jury', referentiel: 'CCS4.3', points: 1, assessment: 'jury' },
    { id: 'reseau', title: 'Le partage répond', referentiel: 'CCS4.4', points: 1, checks: [{ type: 'port', port: 445 }] },
  ],
};
// What a command may print: ESC sequences, NUL, BEL, a C1 CSI, a lone surrogate.
const noisy = 'usage: inconnu\u0000\u001b[31m rouge\u0007\u009b2J\ud800 fin';
const result = (criterionId: string, r: Partial<Result> & Pick<Result, 'property' | 'status'>): Result => ({
  event: 'result',
  criterionId,
  checkIndex: 0,
  checkType: 'command',
  durationMs: 4,
  ...r,
});

function report(): RunReport {
  const mismatch = (property: string, expected: unknown, actual: unknown) =>
    result('aide', {
      property,
      status: 'fail',
      expected,
      actual,
      reason: { code: 'mismatch', params: { property, expected, actual } },
      message: `${property} : attendu…`,
    });
  return {
    reportVersion: 1,
    exercise: { id: 'sauvegarde', title: 'Script de sauvegarde', competences: ['CCS4'] },
    target: 'local',
    startedAt: '2026-11-29T08:00:00.000Z',
    durationMs: 40,
    outcome: 'interrupted',
    error: 'Connexion perdue',
    totals: { points: 5, earned: 1, passed: 1, failed: 1, errors: 1, notRun: 1 },
    criteria: [
      {
        ...{ id: 'present', title: 'Le script existe', referentiel: 'CCS4.1', points: 1, earned: 1, status: 'passed' },
        results: [
          result('present', {
            checkType: 'file',
            property: 'exists',
            status: 'pass',
            message: 'exists : conforme',
            reason: { code: 'pass', params: { property: 'exists' } },
          }),
        ],
      },
      {
        ...{ id: 'aide', title: '« --help » affiche l’usage', referentiel: 'CCS4.2', points: 2, earned: 0, status: 'failed', hint: 'Traitez --help' },
        // Results arrive as checks finish: the second check's came first.
        results: [{ ...mismatch('exitStatus', 0, 2), checkIndex: 1 }, mismatch('exitStatus', 0, 1), mismatch('stdout[0]', { contains: 'Usage' }, noisy)],
      },
      { id: 'oral', title: 'Explication au jury', referentiel: 'CCS4.3', points: 1, earned: 0, status: 'notRun', assessment: 'jury', results: [] },
      { id: 'reseau', title: 'Le partage répond', referentiel: 'CCS4.4', points: 1, earned: 0, status: 'error', results: [] },
    ],
  };
}

const junit = (o: Partial<RunReportOptions> = {}, r = report()): string => runReporters.junit.render(r, { lang: 'fr', exercise, ...o })[0].content;
const testcase = (xml: string, id: string): string => xml.split('\n    <testcase').find((l) => l.includes(`name="${id} — `)) ?? '';
const message = (xml: string, id: string): string | undefined => /<(?:failure|error) message="([^"]*)"/.exec(testcase(xml, id))?.[1];

describe('run reporters: JUnit', () => {
  const cases: Array<[string, (xml: string) => void]> = [
    [
      'the failure message is the first reason the text shows, in check order, never the hint',
      (xml) => {
        const text = formatCriterionBlock(report().criteria[1], exercise.criteria[1], { lang: 'fr', workspaceFiles: exercise.workspaceFiles });
        assert.equal(message(xml, 'aide'), 'sauvegarde.sh --help termine avec le code 1 au lieu de 0');
        assert.equal(text.split('\n')[1], `    ✘ ${message(xml, 'aide')}`, text);
        assert.doesNotMatch(xml, /Traitez --help|indice/i);
      },
    ],
    [
      'a passed critère is an empty test case: nothing repeats itself',
      (xml) => {
        assert.match(testcase(xml, 'present'), /^ classname="sauvegarde" name="present — Le script existe \[CCS4\.1\]" time="0\.004"><\/testcase>$/);
        assert.doesNotMatch(xml, /PASS|exists.*exists|conforme/);
      },
    ],
    [
      'each property that did not pass is told once, with what was run and observed',
      (xml) => {
        const body = /<failure[^>]*>([^<]*)<\/failure>/.exec(testcase(xml, 'aide'))?.[1] ?? '';
        assert.equal(body.split('\n')[0], 'sauvegarde.sh --help termine avec le code 1 au lieu de 0');
        assert.equal(body.split('lancé : bash sauvegarde.sh --help').length, 3, body);
        assert.match(body, /observé : usage: inconnu\[31m rouge2J fin/);
      },
    ],
    [
      'control characters from command output are removed',
      (xml) => {
        assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/);
      },
    ],
    [
      'a critère in error without results says the run’s error; a jury critère is skipped',
      (xml) => {
        assert.equal(message(xml, 'reseau'), 'Connexion perdue');
        assert.match(testcase(xml, 'oral'), /<skipped message="évalué par le jury"\/>/);
      },
    ],
    [
      'the document is well-formed XML with the counts of the report',
      (xml) => {
        assert.equal(xmlProblem(xml), undefined);
        assert.match(xml, /<testsuite name="Script de sauvegarde" tests="4" failures="1" errors="1" skipped="1" /);
      },
    ],
  ];
  for (const [name, check] of cases) it(name, () => check(junit()));

  it('exam mode: the reason says “not as expected”, with no value, output or hint', () => {
    const xml = junit({ exam: true });
    assert.equal(xmlProblem(xml), undefined);
    assert.match(message(xml, 'aide') ?? '', /non conforme$/);
    assert.match(testcase(xml, 'aide'), /<failure message="[^"]*"><\/failure>/);
    assert.doesNotMatch(xml, /code 1|lancé|observé|Usage|Traitez/);
  });

  it('English, and without the exercise (a saved report): still a sentence, never a property key', () => {
    const xml = junit({ lang: 'en', exercise: undefined });
    assert.equal(xmlProblem(xml), undefined);
    assert.doesNotMatch(message(xml, 'aide') ?? 'exitStatus', /exitStatus|attendu/);
    assert.match(testcase(xml, 'oral'), /<skipped message="assessed by the jury"\/>/);
  });

  it('the XML checker the tests rely on rejects broken documents', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1"/><b/>', '<a>&nope;</a>', '<a>\u0001</a>', '<a><b></a>', 'text'])
      assert.notEqual(xmlProblem(bad), undefined, bad);
    assert.equal(xmlProblem('<?xml version="1.0"?>\n<a x="&amp;"><b/>t</a>\n'), undefined);
  });
});

describe('run reporters: registry and live output', () => {
  it('json: the report itself, valid against report.schema.json', () => {
    const text = runReporters.json.render(report(), { lang: 'fr', exam: true })[0].content;
    assert.deepEqual(JSON.parse(text), report());
    assert.deepEqual(validate('report.schema.json', JSON.parse(text)), []);
  });

  it('a format without a live part writes once, at the end, and nothing when the run failed', () => {
    for (const format of ['json', 'junit'] as const) {
      const written: string[] = [];
      const out = runOutput(format, { lang: 'fr', exercise }, (s) => written.push(s));
      out.end();
      assert.deepEqual(written, []);
      out.end(report());
      assert.deepEqual(written, [runReporters[format].render(report(), { lang: 'fr', exercise })[0].content]);
    }
  });

  it('only the text tells the run’s error itself', () => {
    assert.deepEqual(
      Object.values(runReporters).map((r) => [r.format, r.tellsError === true]),
      [
        ['text', true],
        ['json', false],
        ['junit', false],
      ],
    );
  });
});
