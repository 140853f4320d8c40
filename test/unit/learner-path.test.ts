import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exercise, RunReport } from '../../schemas/generated/types';
import { PackError } from '../../extension/src/core/errors';
import { isExam } from '../../extension/src/core/learner/exam';
import { groupByCompetence } from '../../extension/src/core/learner/grouping';
import { competenceProgress, progressExport, progressKey, recordReport, scoreOf } from '../../extension/src/core/learner/progress';
import { progressChartHtml } from '../../extension/src/core/learner/progress-chart';
import { applyStarterCopy, learnerDir, learnerDirReady, planStarterCopy } from '../../extension/src/core/learner/starter';
import { readSetup, setupPlanLines } from '../../extension/src/core/setup-plan';

const criterion = (id: string, referentiel: string, points: number, extra: Partial<Exercise['criteria'][number]> = {}): Exercise['criteria'][number] => ({
  id,
  title: { fr: id, en: id },
  referentiel,
  points,
  hint: { fr: 'indice', en: 'hint' },
  checks: [{ type: 'file', path: 'x' }],
  ...extra,
});

const script: Exercise = {
  id: 'script-sauvegarde',
  title: { fr: 'Script', en: 'Script' },
  competences: ['CP11', 'CCS4'],
  solution: { files: 'solution' },
  criteria: [
    criterion('en-tete', 'CP11.4', 2),
    criterion('aide', 'CCS4.2', 2),
    criterion('arguments', 'CP11.3', 3),
    criterion('oral', 'CP11.1', 1, { assessment: 'jury', checks: [] }),
  ],
};
const ssh: Exercise = {
  id: 'ssh-durcissement',
  title: { fr: 'SSH', en: 'SSH' },
  competences: ['CCS1'],
  solution: { apply: 'a.sh' },
  criteria: [criterion('root', 'CCS1.2', 4)],
};

const report = (
  exerciseId: string,
  criteria: Array<[string, RunReport['criteria'][number]['status'], number, number]>,
  startedAt = '2026-11-29T02:00:00.000Z',
): RunReport => ({
  reportVersion: 1,
  exercise: { id: exerciseId, title: exerciseId, competences: [] },
  target: 'local',
  startedAt,
  durationMs: 1,
  outcome: 'complete',
  criteria: criteria.map(([id, status, earned, points]) => ({ id, title: id, referentiel: 'CP11.4', points, earned, status, results: [] })),
  totals: { points: 0, earned: 0, passed: 0, failed: 0, errors: 0, notRun: 0 },
});

describe('learner progress', () => {
  it('keys progress by pack id and version, so a new version starts afresh', () => {
    assert.equal(progressKey({ id: 'tssr-debian', version: '1.0.0' }), 'tssr-debian@1.0.0');
    assert.notEqual(progressKey({ id: 'tssr-debian', version: '1.1.0' }), progressKey({ id: 'tssr-debian', version: '1.0.0' }));
  });

  it('folds reports in: settled critères take the latest state, critères not run keep the earlier one', () => {
    let p = recordReport(
      {},
      report('script-sauvegarde', [
        ['en-tete', 'passed', 2, 2],
        ['aide', 'failed', 0, 2],
      ]),
    );
    p = recordReport(
      p,
      report(
        'script-sauvegarde',
        [
          ['en-tete', 'notRun', 0, 2],
          ['aide', 'passed', 2, 2],
        ],
        '2026-11-29T02:05:00.000Z',
      ),
    );
    assert.deepEqual(Object.fromEntries(Object.entries(p['script-sauvegarde']).map(([k, v]) => [k, [v.status, v.earned, v.at.slice(11, 16)]])), {
      'en-tete': ['passed', 2, '02:00'],
      aide: ['passed', 2, '02:05'],
    });
  });

  it('gives the 20 competences in référentiel order, critères passed over possible, the jury-only ones apart', () => {
    const progress = recordReport(
      {},
      report('script-sauvegarde', [
        ['en-tete', 'passed', 2, 2],
        ['arguments', 'failed', 0, 3],
        ['aide', 'passed', 2, 2],
      ]),
    );
    const rows = competenceProgress([
      { exercise: script, progress },
      { exercise: ssh, progress },
    ]);
    assert.equal(rows.length, 20);
    assert.deepEqual(rows.map((r) => r.id).slice(0, 3), ['CP1', 'CP2', 'CP3']);
    const cp11 = rows.find((r) => r.id === 'CP11')!;
    assert.deepEqual([cp11.block, cp11.passed, cp11.possible, cp11.jury, cp11.earned, cp11.points], ['CCP3', 1, 2, 1, 2, 6]);
    const ccs4 = rows.find((r) => r.id === 'CCS4')!;
    assert.deepEqual([ccs4.passed, ccs4.possible, ccs4.exercises], [1, 1, ['script-sauvegarde']]);
    const ccs1 = rows.find((r) => r.id === 'CCS1')!;
    assert.deepEqual([ccs1.passed, ccs1.possible], [0, 1]);
    assert.equal(rows.find((r) => r.id === 'CP1')!.possible, 0);
  });

  it('scores a node as points earned over possible, as the report totals them', () => {
    const earned: Record<string, number> = { 'en-tete': 2, arguments: 1 };
    assert.deepEqual(
      scoreOf(script, ['en-tete', 'arguments', 'oral'], (id) => (id in earned ? { earned: earned[id] } : undefined)),
      { earned: 3, points: 6 },
    );
  });

  it('renders the chart in French with every competence, the counts and the jury-only critères, escaping titles', () => {
    const rows = competenceProgress([{ exercise: script, progress: recordReport({}, report('script-sauvegarde', [['en-tete', 'passed', 2, 2]])) }]);
    const html = progressChartHtml(rows, 'fr');
    assert.equal((html.match(/<li class="competence/g) ?? []).length, 20);
    assert.match(html, /CCP3 · Maintenir et exploiter une infrastructure distribuée/);
    assert.match(html, /data-id="CP11">.*1\/2 critères réussis <span class="jury">\+ 1 évalué\(s\) par le jury/);
    assert.match(html, /S&#39;appuyer sur les communautés/);
    assert.doesNotMatch(progressChartHtml(rows, 'en'), /réussis/);
  });

  it('exports JSON a trainer can read back', () => {
    const out = JSON.parse(JSON.stringify(progressExport([{ key: 'p@1.0.0', progress: {}, hints: { ex: { c: 2 } } }], [], new Date(0))));
    assert.deepEqual([out.kind, out.version, out.exportedAt, out.packs[0].hints.ex.c], ['tssr-lab-progress', 1, '1970-01-01T00:00:00.000Z', 2]);
  });
});

describe('learner tree grouping', () => {
  it('groups by block then competence in référentiel order; an exercise shows under each competence with its own critères', () => {
    const blocks = groupByCompetence([
      { key: 'a', exercise: script },
      { key: 'b', exercise: ssh },
    ]);
    assert.deepEqual(
      blocks.map((b) => [b.id, b.competences.map((c) => c.id)]),
      [
        ['CCP3', ['CP11']],
        ['CCS', ['CCS1', 'CCS4']],
      ],
    );
    const cp11 = blocks[0].competences[0];
    assert.deepEqual(
      cp11.exercises.map((e) => [e.key, e.criterionIds]),
      [['a', ['en-tete', 'arguments', 'oral']]],
    );
    assert.equal(cp11.title, "Automatiser les tâches à l'aide de scripts");
  });

  it('exam mode comes from the pack or the setting', () => {
    assert.deepEqual([isExam(undefined, false), isExam({ exam: true }, false), isExam({}, true), isExam({ exam: false }, false)], [false, true, true, false]);
  });
});

describe('starter files and setup plan', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tssr-starter-'));
    mkdirSync(join(dir, 'pack/ex/modeles'), { recursive: true });
    writeFileSync(join(dir, 'pack/ex/sauvegarde.sh'), '#!/usr/bin/env bash\n# TODO\n');
    chmodSync(join(dir, 'pack/ex/sauvegarde.sh'), 0o755);
    writeFileSync(join(dir, 'pack/ex/modeles/notes.md'), 'notes\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies new files with their paths and mode, and never overwrites a changed file unless asked', () => {
    const ex = { id: 'ex', starter: ['sauvegarde.sh', 'modeles/notes.md'] };
    const dest = learnerDir(join(dir, 'ws'), ex);
    assert.equal(dest, join(dir, 'ws', 'ex'));
    const first = planStarterCopy(join(dir, 'pack/ex'), ex, dest, 'fr');
    assert.deepEqual(
      first.map((p) => [p.rel, p.state]),
      [
        ['sauvegarde.sh', 'new'],
        ['modeles/notes.md', 'new'],
      ],
    );
    assert.equal(applyStarterCopy(first, false).length, 2);
    assert.equal(statSync(join(dest, 'sauvegarde.sh')).mode & 0o777, 0o755);
    assert.equal(readFileSync(join(dest, 'modeles/notes.md'), 'utf8'), 'notes\n');
    writeFileSync(join(dest, 'sauvegarde.sh'), 'my work\n');
    const second = planStarterCopy(join(dir, 'pack/ex'), ex, dest, 'fr');
    assert.deepEqual(
      second.map((p) => p.state),
      ['changed', 'same'],
    );
    assert.deepEqual(applyStarterCopy(second, false), []);
    assert.equal(readFileSync(join(dest, 'sauvegarde.sh'), 'utf8'), 'my work\n');
    assert.equal(applyStarterCopy(second, true).length, 1);
    assert.match(readFileSync(join(dest, 'sauvegarde.sh'), 'utf8'), /TODO/);
  });

  it('points runs at the learner folder only once it holds every workspace file', () => {
    const ex = { id: 'ex', starter: ['sauvegarde.sh'], workspaceFiles: ['sauvegarde.sh'] };
    const dest = learnerDir(join(dir, 'ws'), ex);
    assert.equal(learnerDirReady(dest, ex), false);
    applyStarterCopy(planStarterCopy(join(dir, 'pack/ex'), ex, dest, 'fr'), false);
    assert.equal(learnerDirReady(dest, ex), true);
    assert.equal(learnerDirReady(dest, { workspaceFiles: ['sauvegarde.sh', 'absent.sh'] }), false);
    assert.equal(learnerDirReady(dest, {}), false);
  });

  it('finds the files already in place when the learner folder is the exercise folder', () => {
    const plan = planStarterCopy(join(dir, 'pack/ex'), { starter: ['sauvegarde.sh'] }, join(dir, 'pack/ex'), 'fr');
    assert.deepEqual(
      plan.map((p) => p.state),
      ['same'],
    );
  });

  it('refuses a starter path leading out of the exercise folder', () => {
    assert.throws(() => planStarterCopy(join(dir, 'pack/ex'), { starter: ['../../etc/passwd'] }, join(dir, 'ws'), 'fr'), PackError);
  });

  it('reads the setup under the path policy and describes it in the learner’s language, as tssr-lab start does', () => {
    writeFileSync(join(dir, 'pack/ex/depart.sh'), '#!/bin/bash\n# Casse sshd\nsed -i s/a/b/ /etc/ssh/sshd_config\nsystemctl restart ssh\n');
    assert.equal(readSetup(join(dir, 'pack/ex'), {}, 'fr'), undefined);
    const setup = readSetup(join(dir, 'pack/ex'), { setup: 'depart.sh' }, 'fr')!;
    const lines = setupPlanLines('ex', 'ssh://vm', 'depart.sh', setup.script, 'fr');
    assert.match(lines[0], /Préparation de l’exercice ex sur ssh:\/\/vm : le script depart.sh \(2 lignes de commandes\)/);
    assert.ok(lines.includes('  # Casse sshd'));
    assert.ok(lines.some((l) => l.includes('/etc/ssh/sshd_config')) && lines.some((l) => l.includes('restart ssh')));
    assert.throws(() => readSetup(join(dir, 'pack/ex'), { setup: '../../x.sh' }, 'fr'), PackError);
  });
});
