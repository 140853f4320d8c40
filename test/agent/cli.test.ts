import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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

  it('check: the starter fails (exit 1) with live results and a summary with points', () => {
    const r = cli('check', script);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /✘ \[aide\] script/);
    assert.match(r.stdout, /\/14 points/);
    assert.match(r.stdout, /Indice :/);
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
