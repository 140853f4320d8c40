import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { validate } from '../../extension/src/core/schemas';
import { CLI, PACK, ROOT } from '../helpers/paths';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', TSSR_LAB_LANG: '' } });
const script = join(PACK, 'script-sauvegarde');
const broken = join(ROOT, 'test/fixtures/e2e-workspace/broken');

describe('tssr-lab CLI', () => {
  it('validate: the sample pack has no problem (exit 0)', () => {
    const r = cli('validate', PACK);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /aucun problème/);
  });

  it('validate: prints file:line:col for a broken pack, in French or English (exit 1)', () => {
    const fr = cli('validate', broken);
    assert.equal(fr.status, 1);
    assert.match(fr.stdout, /casse\/exercise\.yaml:13:9: Type de vérification inconnu « servise »/);
    assert.match(cli('--lang', 'en', 'validate', broken).stdout, /exercise\.yaml:13:9: Unknown check type "servise"/);
  });

  it('check: a reader that closes the pipe early (| head -1) ends the run without a crash', () => {
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" check "$2" | head -1; echo "cli=${PIPESTATUS[0]}"', process.execPath, CLI, script], {
      encoding: 'utf8',
    });
    assert.match(r.stdout, /^cli=1$/m, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /);
  });

  it('check: the starter fails (exit 1) with sentences for the learner, grouped by critère in pack order, and a summary', () => {
    const r = cli('check', script);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^✘ aide — « --help » affiche l’usage et réussit 0\/2$/m);
    assert.match(r.stdout, /^ {4}✘ sauvegarde\.sh -h termine avec le code 2 au lieu de 0$/m);
    assert.match(r.stdout, /^ {6}lancé : bash sauvegarde\.sh -h$/m);
    assert.match(r.stdout, /^ {4}✘ La sortie de sauvegarde\.sh --help ne contient pas de ligne qui correspond à ce qui est attendu$/m);
    assert.match(r.stdout, /^ {4}✘ La sortie de sauvegarde\.sh \(scénario de test\) ne contient pas « rh\/contrat\.txt »$/m);
    assert.match(r.stdout, /^ {4}✘ Le fichier sauvegarde\.sh ne contient pas de ligne qui correspond à ce qui est attendu$/m);
    assert.match(r.stdout, /^ {4}Premier indice : Traitez -h et --help/m);
    assert.match(r.stdout, /\/14 points/);
    // Pack order, whatever order the checks finished in; never the grader's words.
    const heads = [...r.stdout.matchAll(/^✘ ([\w-]+) —/gm)].map((m) => m[1]);
    assert.deepEqual(heads, ['en-tete', 'aide', 'arguments', 'source-absente', 'archive', 'qualite']);
    assert.doesNotMatch(r.stdout, /[{⏎]|\[aide\]|exitStatus|stdout\[|contents\[|\(\^\|\/\)|\\\./);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour off a terminal');
  });

  it('check: English with --lang en, colours with FORCE_COLOR, none with NO_COLOR', () => {
    const en = cli('--lang', 'en', 'check', script, '--only', 'aide');
    assert.match(en.stdout, /^ {4}✘ sauvegarde\.sh -h exits with code 2 instead of 0$/m);
    assert.match(en.stdout, /^ {4}First hint: Handle -h and --help/m);
    const coloured = spawnSync(process.execPath, [CLI, 'check', script, '--only', 'aide'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' },
    });
    assert.match(coloured.stdout, /\u001b\[31m✘\u001b\[39m \u001b\[1maide/);
    const plain = spawnSync(process.execPath, [CLI, 'check', script, '--only', 'aide'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
  });

  it('check --exam: only passed or failed per critère for the learner; the JSON report keeps the evidence', () => {
    const r = cli('check', script, '--exam');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^✘ aide — « --help » affiche l’usage et réussit 0\/2$/m);
    assert.doesNotMatch(r.stdout, /termine avec le code|lancé :|observé :|indice|Indice/);
    assert.match(r.stdout, /Mode examen/);
    const report = JSON.parse(cli('check', script, '--exam', '--format', 'json').stdout);
    const aide = report.criteria.find((c: { id: string }) => c.id === 'aide');
    assert.ok(aide.results.some((x: { expected?: unknown; actual?: unknown }) => x.expected === 0 && x.actual === 2));
    assert.equal(aide.hintsUsed, undefined, 'the CLI keeps no hint record');
  });

  it('check: a pack with exam: true is an exam without --exam', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-exam-'));
    try {
      cpSync(PACK, dir, { recursive: true });
      writeFileSync(join(dir, 'pack.yaml'), readFileSync(join(dir, 'pack.yaml'), 'utf8') + 'exam: true\n');
      const r = cli('check', join(dir, 'script-sauvegarde'), '--only', 'aide');
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^✘ aide — /m);
      assert.doesNotMatch(r.stdout, /termine avec le code|lancé :|Premier indice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('check: --only with an unknown critère id is a usage error listing the known ids (exit 2)', () => {
    const r = cli('check', script, '--only', 'aide', 'nimporte');
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /Critère inconnu dans --only : nimporte\. Critères de cet exercice : en-tete, aide, arguments/);
    assert.equal(r.stdout, '');
  });

  it('check: --solution refuses an exercise whose solution is a root script, instead of checking the machine as it is (exit 2)', () => {
    const r = cli('check', join(PACK, 'ssh-durcissement'), '--solution');
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /La solution de cet exercice est un script qui configure la cible \(solution\/apply\.sh\)/);
    assert.match(r.stderr, /« sudo tssr-lab pack test \S*exercises\/tssr-debian --exercise ssh-durcissement »/);
    assert.equal(r.stdout, '');
  });

  it('check: the reference solution passes (exit 0)', () => {
    const r = cli('check', script, '--solution');
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /14\/14 points/);
  });

  it('check --format json prints a report valid against the report schema', () => {
    const r = cli('check', script, '--format', 'json');
    const report = JSON.parse(r.stdout);
    assert.deepEqual(validate('report.schema.json', report), []);
    assert.equal(report.exercise.id, 'script-sauvegarde');
    assert.equal(report.pack.id, 'tssr-debian');
  });

  it('check --format junit prints JUnit XML', () => {
    assert.match(cli('check', script, '--solution', '--format', 'junit').stdout, /<testsuites name="tssr-lab" tests="6" failures="0"/);
  });

  it('exits 2 for bad usage: unknown target, unknown format, invalid exercise', () => {
    assert.equal(cli('check', script, '--target', 'ftp://x').status, 2);
    assert.equal(cli('check', script, '--format', 'pdf').status, 2);
    assert.equal(cli('check', join(broken, 'casse')).status, 2);
    const pack = cli('check', PACK);
    assert.equal(pack.status, 2);
    assert.match(pack.stderr, /est un pack : donnez un de ses dossiers d’exercice \(script-sauvegarde, ssh-durcissement, rsyslog-reception\)/);
  });

  it('exits 3 when the target cannot be reached', () => {
    const r = cli('check', script, '--target', 'ssh://nobody@127.0.0.1:1', '--known-hosts', '/dev/null');
    assert.equal(r.status, 3);
    assert.match(r.stderr, /Connexion refusée par ssh:\/\/nobody@127\.0\.0\.1:1 : sshd tourne-t-il/);
  });
});
