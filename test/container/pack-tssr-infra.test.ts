import assert from 'node:assert/strict';
import { join } from 'node:path';
import { labUnavailable, runArgv } from '../helpers/container';
import { CLI, ROOT } from '../helpers/paths';

const cli = (...args: string[]) => runArgv(process.execPath, [CLI, ...args], undefined, 30 * 60_000);

/**
 * The three infrastructure packs of issue 11 and the exercises each must prove, with their startsMet critères. The
 * annuaire pack provisions a Samba domain per exercise (CPU-heavy): one container at a time keeps sshd answering on a loaded machine.
 */
const PACKS: { id: string; jobs?: number; exercises: { id: string; startsMet?: number }[] }[] = [
  {
    id: 'tssr-annuaire',
    jobs: 1,
    exercises: [{ id: 'controleur-domaine' }, { id: 'annuaire-entreprise' }, { id: 'depannage-dc' }, { id: 'sauvegarde-annuaire', startsMet: 1 }],
  },
  { id: 'tssr-virtualisation', exercises: [{ id: 'conteneur-web' }, { id: 'sauvegarde-conteneurs', startsMet: 1 }] },
  { id: 'tssr-supervision', exercises: [{ id: 'agent-zabbix-nrpe' }, { id: 'snmp-v2c-v3' }, { id: 'alerte-service' }] },
];

/**
 * The trainer's proof of the Active Directory, virtualisation and supervision packs: `tssr-lab pack test` boots a fresh
 * Debian 12 container per exercise, runs its setup, sees every auto critère fail (or be startsMet), applies the reference
 * solution and sees every one pass; jury critères have no checks and are left out. Every exercise, every run.
 */
describe('container: tssr-lab pack test proves the annuaire, virtualisation and supervision packs', function () {
  this.timeout(30 * 60_000);

  before(function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
  });

  for (const pack of PACKS) {
    it(`${pack.id}: every exercise proves out (exit 0), with a time for each phase`, async () => {
      const started = Date.now();
      const r = await cli('pack', 'test', join(ROOT, 'exercises', pack.id), ...(pack.jobs ? ['--jobs', String(pack.jobs)] : []));
      console.log(`${r.stdout.replace(/^/gm, '      ')}\n      (pack test: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const s = String.raw`\d+\.\d s`;
      for (const ex of pack.exercises) {
        // Fresh: none passed but the startsMet ones; solved: every auto and evidence critère passed.
        const fresh = ex.startsMet ? String.raw`${ex.startsMet}/\d+ réussis \(${ex.startsMet} startsMet\)` : String.raw`0/\d+ réussis`;
        const row = new RegExp(String.raw`^${ex.id} +${fresh} +\d+/\d+ réussis +${s} +${s} +${s} +${s} +${s} +PROUVÉ$`, 'm');
        assert.match(r.stdout, row, `${ex.id} is not proven:\n${r.stdout}`);
      }
      assert.match(r.stdout, new RegExp(`^${pack.exercises.length}/${pack.exercises.length} exercice\\(s\\) prouvé\\(s\\) en `, 'm'));
    });
  }
});
