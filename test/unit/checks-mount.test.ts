import assert from 'node:assert/strict';
import { mount } from '../../agent/src/checks/mount';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseMounts } from '../../agent/src/system/mounts';
import { usagePercent } from '../../agent/src/system/statfs';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('mount check on a fake system', () => {
  const mounts = parseMounts(
    [
      '/dev/sda1 / ext4 rw,relatime 0 0',
      '/dev/sdb1 /srv/partage ext4 rw,nosuid,nodev,noexec,relatime 0 0',
      'tmpfs /srv/partage tmpfs rw,size=1024k 0 0',
      '//srv-fic/compta /mnt/compta cifs ro,vers=3.0 0 0',
    ].join('\n') + '\n',
  );
  const facts = { mounts, usage: { '/': 42, '/mnt/compta': 95 } };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['mounted', { mountPoint: '/' }, ['exists:pass']],
    ['a trailing slash is the same point', { mountPoint: '/mnt/compta/', filesystem: 'cifs' }, ['exists:pass', 'filesystem:pass']],
    [
      'source and type',
      { mountPoint: '/mnt/compta', source: '//srv-fic/compta', filesystem: { oneOf: ['cifs', 'smb3'] } },
      ['exists:pass', 'source:pass', 'filesystem:pass'],
    ],
    [
      'the last mount on a point counts',
      { mountPoint: '/srv/partage', filesystem: 'tmpfs', source: '/dev/sdb1' },
      ['exists:pass', 'source:fail', 'filesystem:pass'],
    ],
    ['options as a list: each is set', { mountPoint: '/mnt/compta', opts: ['ro'] }, ['exists:pass', 'opts:pass']],
    ['an option missing', { mountPoint: '/mnt/compta', opts: ['ro', 'noexec'] }, ['exists:pass', 'opts:fail']],
    ['an option that must not be set', { mountPoint: '/', opts: { not: { contains: 'ro' } } }, ['exists:pass', 'opts:pass']],
    ['usage below a bound', { mountPoint: '/', usage: { lt: 90 } }, ['exists:pass', 'usage:pass']],
    ['usage over a bound', { mountPoint: '/mnt/compta', usage: { lt: 90 } }, ['exists:pass', 'usage:fail']],
    ['not mounted', { mountPoint: '/mnt/absent', filesystem: 'ext4', usage: 1 }, ['exists:fail', 'filesystem:skip', 'usage:skip']],
    ['not mounted, as wanted', { mountPoint: '/mnt/absent', exists: false }, ['exists:pass']],
    ['statfs failing is an error', { mountPoint: '/srv/partage', usage: 5 }, ['exists:pass', 'usage:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(mount, { type: 'mount', ...check } as never, fakeSystem(facts), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('cites the line of /proc/self/mounts and the values found', async () => {
    const { outcomes } = await runOn(mount, { type: 'mount', mountPoint: '/srv/partage', source: 'tmpfs' }, fakeSystem(facts), regex);
    assert.deepEqual([outcomes[1].path, outcomes[1].line, outcomes[1].actual], ['/proc/self/mounts', 3, 'tmpfs']);
  });
  it('a missing mount says what to do', async () => {
    const { outcomes } = await runOn(mount, { type: 'mount', mountPoint: '/x', source: 'a' }, fakeSystem(facts), regex);
    assert.deepEqual(outcomes[1].reason, { code: 'skipped', params: { why: { code: 'mount.notMounted', params: { mountPoint: '/x' } } } });
  });
  it('computes usage as df does', () => {
    assert.equal(usagePercent({ blocks: 100, bfree: 40, bavail: 35 }), 64);
    assert.equal(usagePercent({ blocks: 0, bfree: 0, bavail: 0 }), 0);
  });
});
