import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../extension/src/core/schemas';
import { CLI, PACK } from '../helpers/paths';

/** A copy of the script exercise whose learner file can be replaced. */
function exerciseWith(script: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tssr-lintcheck-')), 'script-sauvegarde');
  cpSync(join(PACK, 'script-sauvegarde'), dir, { recursive: true });
  writeFileSync(join(dir, 'sauvegarde.sh'), script);
  return dir;
}

const check = (dir: string) => {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--only', 'qualite', '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  assert.deepEqual(validate('report.schema.json', report), []);
  return report.criteria.find((c: { id: string }) => c.id === 'qualite');
};

describe('lint check in an exercise (client-side, evidence for the evaluator)', () => {
  it('passes on the reference solution', () => {
    const solution = spawnSync('cat', [join(PACK, 'script-sauvegarde/solution/sauvegarde.sh')], { encoding: 'utf8' }).stdout;
    assert.equal(check(exerciseWith(solution)).status, 'passed');
  });

  it('fails on the starter with the findings as evidence, at file and line', () => {
    const c = check(join(PACK, 'script-sauvegarde'));
    assert.equal(c.status, 'failed');
    const r = c.results[0];
    assert.equal(r.path, 'sauvegarde.sh');
    assert.ok(r.actual.some((f: { code: string }) => f.code === 'TSSR-B006'));
  });

  it('still counts a finding the learner silenced with a directive, and shows it as silenced', () => {
    const solution = spawnSync('cat', [join(PACK, 'script-sauvegarde/solution/sauvegarde.sh')], { encoding: 'utf8' }).stdout;
    const hidden = solution.replace('mkdir -p "$destination"', '# tssr-lab-disable-next-line TSSR-B004\nmkdir -p $destination');
    const c = check(exerciseWith(hidden));
    assert.equal(c.status, 'failed');
    const f = c.results[0].actual.find((x: { code: string }) => x.code === 'TSSR-B004');
    assert.equal(f.suppressed, true);
    assert.match(c.results[0].message, /masqué/);
  });
});
