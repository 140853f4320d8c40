import assert from 'node:assert/strict';
import { join } from 'node:path';
import { labUnavailable, runArgv } from '../helpers/container';
import { CLI, ROOT } from '../helpers/paths';

const PACK = join(ROOT, 'exercises', 'tssr-linux');
const EXERCISES = ['droits-partage', 'disque-fstab', 'web-https', 'ntp-chrony', 'sauvegarde-restauration', 'appli-production', 'appli-incident'];

/**
 * The tssr-linux pack's proof, through the built CLI: every exercise boots a fresh Debian 12 container, runs its setup,
 * fails every auto and evidence critère, applies its reference solution and passes them all (jury critères never run).
 */
describe('container: tssr-lab pack test proves the tssr-linux pack on fresh containers', function () {
  this.timeout(30 * 60_000);

  before(function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
  });

  it('every exercise proves out (exit 0), one PROUVÉ line each', async () => {
    const started = Date.now();
    const r = await runArgv(process.execPath, [CLI, 'pack', 'test', PACK], undefined, 30 * 60_000);
    console.log(`${r.stdout.replace(/^/gm, '      ')}\n      (pack test: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const id of EXERCISES) {
      assert.match(r.stdout, new RegExp(String.raw`^${id} +0/\d+ réussis +\d+/\d+ réussis .* PROUVÉ$`, 'm'), `${id} not proven`);
    }
    assert.match(r.stdout, new RegExp(String.raw`^${EXERCISES.length}/${EXERCISES.length} exercice\(s\) prouvé\(s\) en `, 'm'));
  });
});
