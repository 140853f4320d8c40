import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSystem } from '../../agent/src/system';
import { parseDpkgStatus } from '../../agent/src/system/package-deb';
import { parseMounts } from '../../agent/src/system/mounts';
import { RegexEngine } from '../../agent/src/matchers/regex';

const dpkg = [
  'Package: bash',
  'Status: install ok installed',
  'Version: 5.2.15-2',
  'Description: shell',
  ' continued',
  '',
  'Package: old',
  'Status: deinstall ok config-files',
  'Version: 1.0',
  '',
  'Package: half',
  'Status: install reinstreq half-installed',
  'Version: 2.0',
  '',
  'Package: libc6',
  'Architecture: amd64',
  'Status: install ok installed',
  'Version: 2.36-9',
  '',
  'Package: libc6',
  'Architecture: i386',
  'Status: install ok installed',
  'Version: 2.36-9+i386',
].join('\n');

describe('agent System facts', () => {
  const cases: Array<[string, string, string[] | undefined]> = [
    ['an installed package', 'bash', ['5.2.15-2']],
    ['config files only is not installed', 'old', undefined],
    ['half-installed is not installed', 'half', undefined],
    ['multi-arch keeps each version; the last stanza has no blank line after it', 'libc6', ['2.36-9', '2.36-9+i386']],
  ];
  const db = parseDpkgStatus(dpkg);
  for (const [name, pkg, versions] of cases) it(`dpkg: ${name}`, () => assert.deepEqual(db.get(pkg), versions));

  it('mounts: unescapes octal fields', () => {
    assert.deepEqual(parseMounts('/dev/sda1 /mnt/my\\040disk ext4 rw,relatime 0 0\n'), [
      { source: '/dev/sda1', target: '/mnt/my disk', fstype: 'ext4', options: ['rw', 'relatime'] },
    ]);
  });

  it('reads each fact once per run, lazily, and shares it between concurrent checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-system-'));
    const passwd = join(dir, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\n');
    const system = createSystem({ passwd, group: join(dir, 'missing-group') });
    const [a, b] = await Promise.all([system.passwd(), system.passwd()]);
    assert.equal(a, b);
    writeFileSync(passwd, 'changed:x:1:1::/:/bin/sh\n');
    assert.equal(await system.passwd(), a, 'the second call did not read the file again');
    await assert.rejects(system.groups());
  });

  it('without a dpkg database, packages() is not read from dpkg', async () => {
    // rpm may still be there (its tool alone makes it present): only dpkg's absence is asserted.
    assert.notEqual((await createSystem({ dpkgStatus: '/nonexistent/status' }).packages())?.manager, 'dpkg');
  });
});

describe('agent regex engine', () => {
  it('matches linear-time patterns on short texts inline, and sends the others to a worker', async () => {
    const engine = new RegexEngine();
    const signal = new AbortController().signal;
    try {
      assert.deepEqual(await engine.test('^(a+)+$', 'a'.repeat(90) + '!', true, signal), { index: -1 });
      assert.deepEqual(await engine.test('^x=(\\d+)$', 'y\nx=12', true, signal), { index: 1 });
      assert.equal(engine.started, 0, 'no worker for linear-time patterns');
      assert.deepEqual(await engine.test('^(o)\\1$', 'oo', true, signal), { index: 0 });
      assert.equal(engine.started, 1, 'a backreference needs the backtracking engine, in the worker');
    } finally {
      engine.dispose();
    }
  });

  it('starts no worker for an invalid pattern, one for the first match, and a fresh one after a timeout', async () => {
    const engine = new RegexEngine(0);
    try {
      assert.ok('invalid' in (await engine.test('(', 'x', true, new AbortController().signal)));
      assert.equal(engine.started, 0);
      assert.deepEqual(await engine.test('^b', 'a\nb', true, new AbortController().signal), { index: 1 });
      assert.equal(engine.started, 1);
      const abort = new AbortController();
      // A backreference keeps V8 on its backtracking engine: this match would run for ever.
      const stuck = engine.test('^(a+)+\\1$', 'a'.repeat(60) + '!', true, abort.signal);
      const queued = engine.test('a', 'a', false, new AbortController().signal);
      setTimeout(() => abort.abort(), 100);
      assert.deepEqual(await stuck, { timedOut: true });
      assert.deepEqual(await queued, { index: 0 }, 'the queued job survives the killed worker');
      assert.equal(engine.started, 2);
    } finally {
      engine.dispose();
    }
  });
});
