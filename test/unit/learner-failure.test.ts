import assert from 'node:assert/strict';
import type { Check, Result } from '../../schemas/generated/types';
import { describeFailure, describeInExercise } from '../../extension/src/core/learner/failure';
import { literalOf } from '../../extension/src/core/learner/values';
import { formatCriterionBlock } from '../../extension/src/core/report/run/text-blocks';
import { ANSI, wantsColour } from '../../extension/src/core/report/colour';

const base = { event: 'result' as const, criterionId: 'c', checkIndex: 0, durationMs: 1 };
const mismatch = (checkType: string, property: string, expected: unknown, actual: unknown, extra: Partial<Result> = {}): Result => ({
  ...base,
  checkType,
  property,
  status: 'fail',
  expected,
  actual,
  reason: { code: 'mismatch', params: { property, expected, actual } },
  ...extra,
});
const help: Check = { type: 'command', exec: ['bash', 'sauvegarde.sh', '--help'], exitStatus: 0 };
const scenario: Check = {
  type: 'command',
  exec: ['bash', '-c', 'set -e\nsrc=$(mktemp -d)\nbash ./sauvegarde.sh "$src" /tmp/x\ntar -tzf /tmp/x/*.tar.gz'],
  stdout: [{ matches: '(^|/)rh/contrat\\.txt$' }],
};
const sshd: Check = { type: 'file', path: '/etc/ssh/sshd_config', contents: [{ matches: '^\\s*PermitRootLogin\\s+(no|prohibit-password)\\b' }] };

describe('the learner’s view of a failure', () => {
  it('says the issue’s three sentences, in French and in English', () => {
    const exit = mismatch('command', 'exitStatus', 0, 1);
    assert.equal(describeFailure(exit, ['sauvegarde.sh'], { check: help }).sentence, 'sauvegarde.sh --help termine avec le code 1 au lieu de 0');
    assert.equal(describeFailure(exit, [], { lang: 'en', check: help }).sentence, 'sauvegarde.sh --help exits with code 1 instead of 0');
    const archive = mismatch('command', 'stdout[0]', scenario.stdout![0], 'sauvegarde.tar.gz\n');
    assert.equal(
      describeFailure(archive, ['sauvegarde.sh'], { check: scenario }).sentence,
      'La sortie de sauvegarde.sh (scénario de test) ne contient pas « rh/contrat.txt »',
    );
    const conf = mismatch('file', 'contents[0]', sshd.contents![0], 'Port 22\n#PermitRootLogin yes\n');
    assert.equal(
      describeFailure(conf, [], { check: sshd }).sentence,
      'Le fichier /etc/ssh/sshd_config ne contient pas de ligne qui correspond à ce qui est attendu',
    );
    assert.equal(describeFailure(conf, [], { lang: 'en', check: sshd }).sentence, 'File /etc/ssh/sshd_config has no line that matches what is expected');
  });

  it('finds the check and the learner’s files in the exercise for the editor', () => {
    const exercise = {
      id: 'e',
      title: 'E',
      competences: [],
      solution: { files: 's' },
      workspaceFiles: ['sauvegarde.sh'],
      criteria: [{ id: 'c', title: 'C', referentiel: 'CP9.1', points: 1, checks: [help] }],
    } as never;
    const f = describeInExercise(exercise, mismatch('command', 'exitStatus', 0, 1), 'en');
    assert.equal(f.sentence, 'sauvegarde.sh --help exits with code 1 instead of 0');
    assert.deepEqual(f.location, { scheme: 'workspace', path: 'sauvegarde.sh' });
  });

  it('a result without a path is placed on the check’s file on the target, never on exercise.yaml', () => {
    const r = mismatch('file', 'contents[0]', 'tssr-lab-absent', null);
    assert.deepEqual(describeFailure(r, [], { lang: 'fr', check: sshd }).location, { scheme: 'target', path: '/etc/ssh/sshd_config' });
    assert.equal(describeFailure(r, [], { lang: 'fr', check: { type: 'file', path: '/srv/pack/exercise.yaml' } }).location, undefined);
    // A file that does not exist has nothing to open: its failure stays off the target.
    const missing = mismatch('file', 'exists', true, false);
    assert.equal(describeFailure(missing, [], { lang: 'fr', check: { type: 'file', path: '/srv/sauvegardes', filetype: 'directory' } }).location, undefined);
  });

  it('gives the trainer’s message instead of the sentence when the check has one', () => {
    const check: Check = { ...scenario, message: { fr: 'L’archive ne contient pas rh/contrat.txt', en: 'The archive lacks rh/contrat.txt' } };
    const r = mismatch('command', 'stdout[0]', scenario.stdout![0], 'sauvegarde.tar.gz');
    assert.equal(describeFailure(r, [], { check }).sentence, 'L’archive ne contient pas rh/contrat.txt');
    assert.equal(describeFailure(r, [], { check, lang: 'en' }).sentence, 'The archive lacks rh/contrat.txt');
    assert.equal(describeFailure(r, [], { check: { ...check, message: 'Seulement en français' }, lang: 'en' }).sentence, 'Seulement en français');
  });

  it('shows what was run: the command and its arguments, a -c script as its first lines, the user it ran as', () => {
    assert.equal(describeFailure(mismatch('command', 'exitStatus', 0, 1), [], { check: help }).ran, 'bash sauvegarde.sh --help');
    assert.equal(
      describeFailure(mismatch('command', 'exitStatus', 0, 1), [], { check: { type: 'command', exec: ['touch', '/srv/compta/a b'], runAs: 'alice' } }).ran,
      "touch '/srv/compta/a b' (en tant que alice)",
    );
    const ran = describeFailure(mismatch('command', 'exitStatus', 0, 2), ['sauvegarde.sh'], { check: scenario }).ran!;
    assert.deepEqual(ran.split('\n'), ['bash -c', '  set -e', '  src=$(mktemp -d)', '  bash ./sauvegarde.sh "$src" /tmp/x', '  tar -tzf /tmp/x/*.tar.gz']);
    assert.equal(describeFailure(mismatch('file', 'mode', '0600', '0644'), [], { check: sshd }).ran, undefined);
  });

  it('trims what was observed to the lines around the failing line: five at most, 160 characters each', () => {
    const text = Array.from({ length: 40 }, (_, i) => `ligne ${i + 1} ${'x'.repeat(i === 19 ? 300 : 3)}`).join('\n');
    const at20 = describeFailure(mismatch('file', 'contents[0]', { not: { contains: 'x' } }, text, { line: 20 }), [], { check: sshd }).observed!.split('\n');
    assert.deepEqual(
      at20.map((l) => l.slice(0, 9)),
      ['ligne 18 ', 'ligne 19 ', 'ligne 20 ', 'ligne 21 ', 'ligne 22 ', '… (+18 li'],
    );
    assert.ok(at20.every((l) => l.length <= 160));
    const first = describeFailure(mismatch('command', 'stdout[0]', { contains: 'Usage' }, '\n\nun\n\ndeux\n'), [], { check: help }).observed;
    assert.equal(first, 'un\ndeux');
    assert.equal(describeFailure(mismatch('command', 'stderr[0]', { contains: 'Usage' }, ''), [], { check: help }).observed, '(rien)');
  });

  it('points at the learner’s file, or the target’s file, never at exercise.yaml', () => {
    assert.deepEqual(describeFailure(mismatch('command', 'exitStatus', 0, 1), ['sauvegarde.sh'], { check: help }).location, {
      scheme: 'workspace',
      path: 'sauvegarde.sh',
    });
    const local: Check = { type: 'file', path: 'sauvegarde.sh', contents: ['Usage'] };
    assert.deepEqual(
      describeFailure(mismatch('file', 'contents[0]', { contains: 'Usage' }, 'x', { path: 'sauvegarde.sh', line: 3 }), [], { check: local }).location,
      {
        scheme: 'workspace',
        path: 'sauvegarde.sh',
        line: 3,
      },
    );
    assert.deepEqual(describeFailure(mismatch('file', 'mode', '0600', '0644', { path: '/etc/ssh/sshd_config', line: 7 }), []).location, {
      scheme: 'target',
      path: '/etc/ssh/sshd_config',
      line: 7,
    });
    assert.equal(describeFailure(mismatch('file', 'mode', '0600', '0644', { path: 'exercise.yaml', line: 7 }), ['exercise.yaml']).location, undefined);
  });

  it('offers a diff only when both sides are text of the same kind, never a matcher against an output', () => {
    assert.deepEqual(describeFailure(mismatch('configKey', 'value', 'no', 'yes')).diff, { expected: 'no', actual: 'yes' });
    assert.equal(describeFailure(mismatch('command', 'stdout[0]', { matches: '^a$' }, 'b')).diff, undefined);
    assert.equal(describeFailure(mismatch('command', 'stdout[0]', { contains: 'a' }, 'b')).diff, undefined);
    assert.equal(describeFailure(mismatch('command', 'exitStatus', 0, 1)).diff, undefined);
  });

  it('in exam mode says only that the property is not met: nothing run, observed or expected', () => {
    const f = describeFailure(mismatch('command', 'exitStatus', 0, 1), ['sauvegarde.sh'], { check: help, exam: true });
    assert.equal(f.sentence, 'sauvegarde.sh --help : non conforme');
    assert.deepEqual(Object.keys(f).sort(), ['location', 'sentence']);
  });

  it('a broken regex in the pack is the trainer’s to fix: the learner is told so, without the regex', () => {
    const r: Result = {
      ...base,
      checkType: 'file',
      property: 'contents[0]',
      status: 'error',
      reason: { code: 'regexInvalid', params: { pattern: '(a', detail: 'x' } },
    };
    assert.equal(describeFailure(r).sentence, 'Cette vérification est mal écrite dans l’exercice : signalez-le à votre formateur');
  });

  it('reads simple regexes as the text they stand for, and leaves real patterns alone', () => {
    assert.deepEqual(literalOf('(^|/)rh/contrat\\.txt$'), { text: 'rh/contrat.txt', line: false });
    assert.deepEqual(literalOf('^PermitRootLogin\\s+no$'), { text: 'PermitRootLogin no', line: true });
    assert.deepEqual(literalOf('[Uu]sage'), { text: 'Usage', line: false });
    assert.equal(literalOf('^sauvegarde-[0-9]{8}\\.tar\\.gz$'), undefined);
    assert.equal(literalOf('^#.*(Auteur|Author)'), undefined);
  });
});

describe('the text report of a critère', () => {
  const report = {
    id: 'aide',
    title: '« --help » affiche l’usage',
    referentiel: 'CCS4.2',
    points: 2,
    earned: 0,
    status: 'failed' as const,
    results: [mismatch('command', 'exitStatus', 0, 2, { checkIndex: 1 }), mismatch('command', 'exitStatus', 0, 1)],
  };
  const criterion = {
    id: 'aide',
    title: 'x',
    referentiel: 'CCS4.2',
    points: 2,
    hints: [{ fr: 'Traitez --help', en: 'Handle --help' }, { fr: 'exit 0' }],
    checks: [help, { ...help, exec: ['bash', 'sauvegarde.sh', '-h'] }],
  } as never;

  it('lists the failures in check order under the critère, then the first hint only', () => {
    const lines = formatCriterionBlock(report, criterion, { lang: 'fr' }).split('\n');
    assert.deepEqual(lines, [
      '✘ aide — « --help » affiche l’usage 0/2',
      '    ✘ sauvegarde.sh --help termine avec le code 1 au lieu de 0',
      '      lancé : bash sauvegarde.sh --help',
      '    ✘ sauvegarde.sh -h termine avec le code 2 au lieu de 0',
      '      lancé : bash sauvegarde.sh -h',
      '    Premier indice : Traitez --help',
    ]);
  });

  it('in exam mode shows the critère’s line only', () => {
    assert.equal(formatCriterionBlock(report, criterion, { lang: 'en', exam: true }), '✘ aide — « --help » affiche l’usage 0/2');
  });

  it('colours on a terminal, never with NO_COLOR, always with FORCE_COLOR', () => {
    assert.match(formatCriterionBlock(report, criterion, { lang: 'fr', paint: ANSI }), /^\u001b\[31m✘\u001b\[39m \u001b\[1maide\u001b\[22m/);
    assert.equal(wantsColour(true, {}), true);
    assert.equal(wantsColour(false, {}), false);
    assert.equal(wantsColour(true, { NO_COLOR: '1' }), false);
    assert.equal(wantsColour(false, { FORCE_COLOR: '1' }), true);
    assert.equal(wantsColour(true, { FORCE_COLOR: '0' }), false);
  });
});
