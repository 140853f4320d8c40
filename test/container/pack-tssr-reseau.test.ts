import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Exercise, Pack } from '../../schemas/generated/types';
import { labUnavailable, runArgv } from '../helpers/container';
import { CLI, ROOT } from '../helpers/paths';

const cli = (...args: string[]) => runArgv(process.execPath, [CLI, ...args], undefined, 20 * 60_000);

/** Each exercise the pack lists, with its critère count and how many of them are jury critères (never run). */
function exercisesOf(pack: string): Array<{ id: string; total: number; jury: number }> {
  const ids = (parse(readFileSync(join(pack, 'pack.yaml'), 'utf8')) as Pack).exercises ?? [];
  return ids.map((id) => {
    const ex = parse(readFileSync(join(pack, id, 'exercise.yaml'), 'utf8')) as Exercise;
    return { id, total: ex.criteria.length, jury: ex.criteria.filter((c) => c.assessment === 'jury').length };
  });
}

/**
 * The trainer's proof for the network and Internet-security packs (issue 11, CP5 and CP6): `tssr-lab pack test` boots a
 * fresh Debian 12 container per exercise, runs its setup (bridges, namespaces, a broken service), sees every auto and
 * evidence critère fail, applies the reference solution and sees every one pass; jury critères stay recorded, not run.
 */
/** A copy of a pack whose exercise's solution lost the lines matching `drop`: a learner who stopped half-way. */
function withPartialSolution(id: string, exercise: string, drop: RegExp): string {
  const pack = join(mkdtempSync(join(tmpdir(), 'tssr-packtest-')), id);
  cpSync(join(ROOT, 'exercises', id), pack, { recursive: true });
  const apply = join(pack, exercise, 'solution', 'apply.sh');
  const before = readFileSync(apply, 'utf8');
  const after = before.replace(drop, '');
  assert.notEqual(after, before, `${drop} is not in ${exercise}'s solution`);
  writeFileSync(apply, after);
  return pack;
}

/**
 * Half-done work is caught by the critère that names it: each case removes one step from a reference solution and
 * expects the proof to fail on exactly that critère, so the checks measure the service, not the steps around it.
 */
const partial: Array<{ pack: string; exercise: string; drop: RegExp; critere: string; why: string }> = [
  {
    pack: 'tssr-reseau',
    exercise: 'vlan-routage-inter',
    drop: /^ {2}tc qdisc del dev v-user root$/m,
    critere: 'performance',
    why: 'the rate limiter left on the users VLAN: routing works, but 1200-byte pings are slow and lost',
  },
  {
    pack: 'tssr-securite',
    exercise: 'incident-acces-internet',
    drop: /^systemctl enable nftables$/m,
    critere: 'pare-feu-retabli',
    why: 'the ruleset reloaded by hand but the service left disabled: the firewall would be gone after a reboot',
  },
];

for (const id of ['tssr-reseau', 'tssr-securite']) {
  describe(`container: tssr-lab pack test proves the ${id} pack on fresh containers`, function () {
    this.timeout(20 * 60_000);
    const pack = join(ROOT, 'exercises', id);

    before(function () {
      const why = labUnavailable();
      if (why) throw new Error(why);
    });

    it('every exercise proves out (exit 0): all fail after setup, all pass after the solution, with a time for each phase', async () => {
      const exercises = exercisesOf(pack);
      assert.ok(exercises.length >= 3, `${id} lists ${exercises.length} exercises`);
      const started = Date.now();
      const r = await cli('pack', 'test', pack);
      console.log(`${r.stdout.replace(/^/gm, '      ')}\n      (pack test ${id}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const s = String.raw`\d+\.\d s`;
      for (const { id: ex, total, jury } of exercises) {
        // Nothing passes on the fresh container (no startsMet here), everything but the jury critères after the solution.
        const row = String.raw`^${ex} +0/${total} réussis +${total - jury}/${total} réussis +${s} +${s} +${s} +${s} +${s} +PROUVÉ$`;
        assert.match(r.stdout, new RegExp(row, 'm'), ex);
      }
      assert.match(r.stdout, new RegExp(String.raw`^${exercises.length}/${exercises.length} exercice\(s\) prouvé\(s\) en `, 'm'));
    });
  });
}

describe('container: a half-done solution fails the proof on the critère it skipped', function () {
  this.timeout(10 * 60_000);

  before(function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
  });

  for (const c of partial) {
    it(`${c.exercise}: ${c.why}`, async () => {
      const r = await cli('--lang', 'en', 'pack', 'test', withPartialSolution(c.pack, c.exercise, c.drop), '--exercise', c.exercise);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(String.raw`^${c.exercise} +0/\d+ passed .* FAILED$`, 'm'));
      // The skipped step's critère fails. A rate limiter left on a VLAN may also drop small pings on a loaded machine,
      // so the routing critère may fail with it; nothing else may.
      const problems = r.stdout.split('\n').filter((l) => l.startsWith(`  ! ${c.exercise}:`));
      assert.ok(
        problems.some((l) => new RegExp(`critère ${c.critere} does not pass with the solution \\(FAILED\\)`).test(l)),
        r.stdout,
      );
      const others = problems.filter((l) => !l.includes(`critère ${c.critere} `) && !(c.critere === 'performance' && l.includes('critère routage ')));
      assert.deepEqual(others, [], r.stdout);
    });
  }
});
