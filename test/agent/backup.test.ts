import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prop, request, results, runAgent } from '../helpers/agent';

/** A real source tree and real archives of it, made by tar and zip as a learner's backup script would. */
const dir = mkdtempSync(join(tmpdir(), 'tssr-backup-'));
const src = join(dir, 'srv', 'data');
mkdirSync(join(src, 'compta'), { recursive: true });
mkdirSync(join(src, 'rh'));
writeFileSync(join(src, 'compta', 'bilan.csv'), 'an;total\n2025;1200\n');
writeFileSync(join(src, 'rh', 'salaires.ods'), Buffer.alloc(70_000, 7));
chmodSync(join(src, 'rh', 'salaires.ods'), 0o600);
symlinkSync('compta/bilan.csv', join(src, 'dernier'));
const backups = join(dir, 'backups');
mkdirSync(backups);
const tar = (...args: string[]): void => {
  execFileSync('tar', args);
};
tar('-czf', join(backups, 'data-1.tar.gz'), '-C', join(dir, 'srv'), 'data');
tar('-cf', join(backups, 'abs.tar'), '-C', '/', src.slice(1));
tar('--zstd', '-cf', join(backups, 'data.tar.zst'), '-C', src, '.');
execFileSync('zip', ['-qry', join(backups, 'data.zip'), 'data'], { cwd: join(dir, 'srv') });
// An older archive the glob also matches: the newest must win.
tar('-czf', join(backups, 'data-0.tar.gz'), '-C', join(dir, 'srv'), 'data/compta');
const old = (Date.now() - 48 * 3600_000) / 1000;
utimesSync(join(backups, 'data-0.tar.gz'), old, old);

async function backup(check: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  return results(await runAgent(request([{ type: 'backup', ...check }])));
}
const summary = (rs: Array<Record<string, any>>): string[] => rs.map((r) => `${r.property}:${r.status}`);

describe('backup check on real archives', function () {
  this.timeout(60_000);
  it('the newest archive matching a glob: exists, recent, holds the paths, restores equal to the source', async () => {
    const rs = await backup({
      archive: join(backups, 'data-*.tar.gz'),
      maxAgeHours: 1,
      contains: ['data/compta/bilan.csv', 'data/rh', './data/rh/salaires.ods'],
      matchesSource: src,
    });
    assert.deepEqual(summary(rs), ['exists:pass', 'maxAgeHours:pass', 'contains[0]:pass', 'contains[1]:pass', 'contains[2]:pass', 'matchesSource:pass']);
    assert.equal(prop(rs, 'exists').actual, join(backups, 'data-1.tar.gz'));
    assert.deepEqual(prop(rs, 'matchesSource').actual, { root: 'data', entries: 5 });
  });

  for (const [name, file] of [
    ['absolute paths (tar -C /)', 'abs.tar'],
    ['zstd, archive top (-C src .)', 'data.tar.zst'],
    ['zip', 'data.zip'],
  ]) {
    it(`restores and compares ${name}`, async () => {
      const rs = await backup({ archive: join(backups, file), matchesSource: src });
      assert.deepEqual(summary(rs), ['exists:pass', 'matchesSource:pass'], JSON.stringify(rs));
    });
  }

  it('an old archive fails maxAgeHours with its age', async () => {
    const rs = await backup({ archive: join(backups, 'data-0.tar.gz'), maxAgeHours: 24 });
    assert.equal(prop(rs, 'maxAgeHours').status, 'fail');
    assert.equal(prop(rs, 'maxAgeHours').reason.code, 'backup.tooOld');
    assert.ok(prop(rs, 'maxAgeHours').actual >= 47.9);
  });

  it('a path missing from the archive fails with the entry', async () => {
    const rs = await backup({ archive: join(backups, 'data-0.tar.gz'), contains: ['data/compta', 'data/rh/salaires.ods'] });
    assert.deepEqual(summary(rs), ['exists:pass', 'contains[0]:pass', 'contains[1]:fail']);
    assert.equal(rs[2].reason.code, 'backup.missingEntry');
  });

  it('a source changed since the backup differs: the first differences are the evidence', async () => {
    const changed = join(dir, 'changed');
    execFileSync('cp', ['-a', src, changed]);
    writeFileSync(join(changed, 'compta', 'bilan.csv'), 'an;total\n2025;9999\n');
    chmodSync(join(changed, 'rh', 'salaires.ods'), 0o644);
    writeFileSync(join(changed, 'nouveau.txt'), 'x');
    const rs = await backup({ archive: join(backups, 'data-1.tar.gz'), matchesSource: changed, root: 'data' });
    const r = prop(rs, 'matchesSource');
    assert.equal(r.status, 'fail');
    assert.deepEqual(
      r.actual.differences.map((d: { path: string; what: string }) => `${d.path} ${d.what}`),
      ['compta/bilan.csv sha256', 'nouveau.txt missing', 'rh/salaires.ods mode'],
    );
    assert.deepEqual(r.actual.differences[2], { path: 'rh/salaires.ods', what: 'mode', expected: '0644', actual: '0600' });
    assert.equal(r.reason.code, 'backup.treeDiffers');
  });

  it('no archive: exists fails and the rest is skipped with the reason', async () => {
    const rs = await backup({ archive: join(backups, 'none-*.tgz'), maxAgeHours: 1, contains: ['x'], matchesSource: src });
    assert.deepEqual(summary(rs), ['exists:fail', 'maxAgeHours:skip', 'contains[0]:skip', 'matchesSource:skip']);
  });

  it('a file that is not an archive is an error, not a fail', async () => {
    writeFileSync(join(backups, 'broken.tar.gz'), 'not an archive');
    const rs = await backup({ archive: join(backups, 'broken.tar.gz'), contains: ['x'], matchesSource: src });
    assert.deepEqual(summary(rs), ['exists:pass', 'contains[0]:error', 'matchesSource:error']);
    assert.equal(rs[1].reason.code, 'backup.unreadableArchive');
  });
});
