import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunReport } from '../../schemas/generated/types';
import { loadPack } from '../../extension/src/core/pack';
import { inFreshTarget } from '../helpers/fresh-target';
import { CLI, PACK } from '../helpers/paths';

/** Each exercise's fresh state and what its solution touches, so the test never changes this machine. */
const targets: Record<string, { overlays: Array<{ path: string; copy?: boolean }>; prepare: string }> = {
  // A Debian host with openssh-server installed: its privilege separation folder exists, sshd is not hardened.
  'ssh-durcissement': { overlays: [{ path: '/etc/ssh/sshd_config.d' }, { path: '/run' }], prepare: 'install -d -m 0755 /run/sshd' },
  'rsyslog-reception': { overlays: [{ path: '/etc/rsyslog.d' }, { path: '/var/log' }, { path: '/run' }], prepare: 'true' },
};

function reports(stdout: string): RunReport[] {
  return stdout.split('\n===REPORT===\n').slice(1).map((s) => JSON.parse(s.split('\n===END===')[0]));
}

function failedIds(r: RunReport): string[] {
  return r.criteria.filter((c) => c.status !== 'passed').map((c) => c.id);
}

describe('pack test: every exercise fails on a fresh target and passes with its reference solution', function () {
  this.timeout(120_000);
  const pack = loadPack(PACK);

  for (const ex of pack.exercises) {
    const id = ex.data!.id;
    it(id, () => {
      const solution = ex.data!.solution;
      if (solution.files) {
        // Learner files: the starter fails, the solution's files pass.
        const check = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'check', ex.dir, '--format', 'json', ...extra], { encoding: 'utf8' });
        const fresh = JSON.parse(check().stdout) as RunReport;
        const solved = JSON.parse(check('--solution').stdout) as RunReport;
        assert.ok(failedIds(fresh).length > 0, 'the starter already passes every critère');
        assert.deepEqual(failedIds(solved), [], JSON.stringify(solved.criteria.map((c) => c.results.filter((r) => r.status !== 'pass'))));
        return;
      }
      const target = targets[id];
      assert.ok(target, `no fresh-target description for ${id}`);
      const run = `node '${CLI}' check '${ex.dir}' --format json`;
      const script = [
        target.prepare,
        `echo '===REPORT==='; ${run}; echo; echo '===END==='`,
        `bash '${join(ex.dir, solution.apply!)}' >&2 || echo "apply failed: $?" >&2`,
        `sleep 1; echo '===REPORT==='; ${run}; echo; echo '===END==='`,
      ].join('\n');
      const r = inFreshTarget(script, target.overlays);
      const [fresh, solved] = reports('\n' + r.stdout);
      assert.ok(fresh && solved, `no reports: ${r.stderr}`);
      assert.ok(failedIds(fresh).length > 0, 'a fresh target already passes every critère');
      assert.deepEqual(failedIds(solved), [], `${r.stderr}\n${JSON.stringify(solved.criteria.filter((c) => c.status !== 'passed'), null, 1)}`);
    });
  }
});
