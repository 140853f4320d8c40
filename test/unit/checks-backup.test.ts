import assert from 'node:assert/strict';
import { diffManifests, type Manifest } from '../../agent/src/sandbox/manifest';
import { globRegExp, isGlob, normaliseEntry } from '../../agent/src/system/archive';

describe('backup check: archive names and tree comparison', () => {
  const globs: Array<[string, string[], string[]]> = [
    ['data-*.tar.gz', ['data-2025-01-01.tar.gz', 'data-.tar.gz'], ['data-1.tar.gz.bak', 'xdata-1.tar.gz', 'data-1.tgz']],
    ['save-??.zip', ['save-01.zip'], ['save-1.zip', 'save-001.zip']],
    ['b[0-9].tar', ['b1.tar'], ['bx.tar']],
    ['b[!0-9].tar', ['bx.tar'], ['b1.tar']],
    ['a.b+c(1).tar', ['a.b+c(1).tar'], ['aXb+c(1).tar']],
  ];
  for (const [glob, yes, no] of globs) {
    it(`glob ${glob}`, () => {
      const re = globRegExp(glob);
      for (const n of yes) assert.ok(re.test(n), `${n} should match`);
      for (const n of no) assert.ok(!re.test(n), `${n} should not match`);
    });
  }

  it('only the last part of a path is a glob', () => {
    assert.equal(isGlob('/var/backups/data-*.tgz'), true);
    assert.equal(isGlob('/var/back*ups/data.tgz'), false);
  });

  it('entry names compare without leading / or ./ and trailing /', () => {
    for (const [raw, want] of [
      ['./srv/data/', 'srv/data'],
      ['/srv/data/x', 'srv/data/x'],
      ['data', 'data'],
      ['././a//', 'a'],
    ])
      assert.equal(normaliseEntry(raw), want);
  });

  const tree = (
    entries: Record<string, Partial<{ type: 'file' | 'directory' | 'symlink'; size: number; sha256: string; mode: number; target: string }>>,
  ): Manifest => new Map(Object.entries(entries).map(([k, v]) => [k, { type: 'file', size: 1, sha256: 'h', mode: 0o644, ...v }]));
  const source = tree({
    a: {},
    d: { type: 'directory', size: 0, sha256: undefined, mode: 0o755 },
    'd/b': { size: 5, sha256: 'x' },
    l: { type: 'symlink', target: 'a', mode: 0 },
  });
  const cases: Array<[string, Manifest, string[]]> = [
    ['identical', source, []],
    [
      'a missing file',
      tree({ a: {}, d: { type: 'directory', size: 0, sha256: undefined, mode: 0o755 }, l: { type: 'symlink', target: 'a', mode: 0 } }),
      ['d/b missing'],
    ],
    ['an extra file', new Map([...source, ['z', { type: 'file', size: 1, sha256: 'h', mode: 0o644 }]]), ['z extra']],
    ['content changed, same size', new Map([...source, ['d/b', { type: 'file', size: 5, sha256: 'y', mode: 0o644 }]]), ['d/b sha256']],
    ['mode changed', new Map([...source, ['a', { type: 'file', size: 1, sha256: 'h', mode: 0o600 }]]), ['a mode']],
    ['a link retargeted', new Map([...source, ['l', { ...source.get('l')!, target: 'd/b' }]]), ['l target']],
    ['a file become a folder', new Map([...source, ['a', { type: 'directory', size: 0, mode: 0o644 }]]), ['a type']],
  ];
  for (const [name, restored, want] of cases) {
    it(`diff: ${name}`, () => {
      assert.deepEqual(
        diffManifests(source, restored, ['type', 'size', 'sha256', 'mode', 'target']).map((d) => `${d.path} ${d.what}`),
        want,
      );
    });
  }

  it("modes are shown in octal, and ignored when not compared (a script's second run)", () => {
    const changed = new Map([...source, ['a', { type: 'file' as const, size: 1, sha256: 'h', mode: 0o600 }]]);
    assert.deepEqual(diffManifests(source, changed, ['mode'])[0], { path: 'a', what: 'mode', expected: '0644', actual: '0600' });
    assert.deepEqual(diffManifests(source, changed, ['type', 'size', 'sha256']), []);
  });
});
