import assert from 'node:assert/strict';
import { group } from '../../agent/src/checks/group';
import { processCheck } from '../../agent/src/checks/process';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseGroups } from '../../agent/src/system/passwd';
import { parseCmdline, parseStatusUid } from '../../agent/src/system/processes';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('group check on a fake system', () => {
  const groups = parseGroups('root:x:0:\nsudo:x:27:alice,bob\ncompta:x:1001:\n');
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['exists', { name: 'sudo' }, ['exists:pass']],
    ['missing', { name: 'nope', gid: 5, members: [] }, ['exists:fail', 'gid:skip', 'members:skip']],
    ['absent as wanted', { name: 'nope', exists: false }, ['exists:pass']],
    ['present but unwanted', { name: 'sudo', exists: false, gid: 27 }, ['exists:fail']],
    ['gid', { name: 'sudo', gid: 27 }, ['exists:pass', 'gid:pass']],
    ['wrong gid', { name: 'compta', gid: 1000 }, ['exists:pass', 'gid:fail']],
    ['members in any order', { name: 'sudo', members: ['bob', 'alice'] }, ['exists:pass', 'members:pass']],
    ['a missing member', { name: 'sudo', members: ['alice'] }, ['exists:pass', 'members:fail']],
    ['no members', { name: 'compta', members: [] }, ['exists:pass', 'members:pass']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(group, { type: 'group', ...check } as never, fakeSystem({ groups }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('locates its evidence at the /etc/group line and reports structured values', async () => {
    const { outcomes } = await runOn(group, { type: 'group', name: 'sudo', gid: 28 }, fakeSystem({ groups }), regex);
    assert.deepEqual(outcomes[1], { ...outcomes[1], property: 'gid', expected: 28, actual: 27, path: '/etc/group', line: 2 });
  });
  it('an unreadable /etc/group is an error, not a fail', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    const { summary, outcomes } = await runOn(group, { type: 'group', name: 'sudo' }, fakeSystem({ groups: () => Promise.reject(denied) }), regex);
    assert.deepEqual(summary, ['exists:error']);
    assert.deepEqual(outcomes[0].reason, { code: 'readFailed', params: { path: '/etc/group', error: 'EACCES' } });
  });
});

describe('process check on a fake system', () => {
  const processes = [
    { pid: 1, comm: 'systemd', args: ['/sbin/init'], uid: 0 },
    { pid: 10, comm: 'sshd', args: ['sshd: /usr/sbin/sshd -D [listener]'], uid: 0 },
    { pid: 20, comm: 'nginx', args: ['nginx: master process /usr/sbin/nginx'], uid: 0 },
    { pid: 21, comm: 'nginx', args: ['nginx: worker process'], uid: 33 },
    { pid: 30, comm: 'zabbix_agentd', args: ['/usr/sbin/zabbix_agentd', '-c', '/etc/zabbix/zabbix_agentd.conf'], uid: 110 },
  ];
  const passwd = [
    { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash', line: 1 },
    { name: 'www-data', uid: 33, gid: 33, home: '/var/www', shell: '/usr/sbin/nologin', line: 2 },
  ];
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['running', { comm: 'sshd' }, ['running:pass']],
    ['not running', { comm: 'apache2', user: 'www-data', args: ['x'] }, ['running:fail', 'user:skip', 'args[0]:skip']],
    ['stopped as wanted', { comm: 'apache2', running: false }, ['running:pass']],
    ['running but unwanted', { comm: 'nginx', running: false }, ['running:fail']],
    ['one of the processes runs as the user', { comm: 'nginx', user: 'www-data' }, ['running:pass', 'user:pass']],
    ['no process runs as the user', { comm: 'sshd', user: 'www-data' }, ['running:pass', 'user:fail']],
    ['args contains on any process', { comm: 'nginx', args: ['worker process', { notContains: 'debug' }] }, ['running:pass', 'args[0]:pass', 'args[1]:pass']],
    ['args matches', { comm: 'zabbix_agentd', args: [{ matches: '-c /etc/zabbix/\\S+\\.conf$' }] }, ['running:pass', 'args[0]:pass']],
    ['args notContains offended', { comm: 'nginx', args: [{ notContains: 'master' }] }, ['running:pass', 'args[0]:fail']],
    ['a long name whose 15-character prefix no process has', { comm: 'zabbix_agentd_long' }, ['running:fail']],
    ['the kernel cuts comm at 15', { comm: 'zabbix_agentd', running: true }, ['running:pass']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(processCheck, { type: 'process', ...check } as never, fakeSystem({ processes, passwd }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('a long name matches the 15-character comm the kernel keeps', async () => {
    const { summary } = await runOn(
      processCheck,
      { type: 'process', comm: 'kea-dhcp4-server' },
      fakeSystem({ processes: [{ pid: 5, comm: 'kea-dhcp4-serve', args: [], uid: 0 }] }),
      regex,
    );
    assert.deepEqual(summary, ['running:pass']);
  });
  it('reports the users it found as the actual value', async () => {
    const { outcomes } = await runOn(processCheck, { type: 'process', comm: 'nginx', user: 'root' }, fakeSystem({ processes, passwd }), regex);
    assert.deepEqual([outcomes[1].expected, outcomes[1].actual], ['root', ['root', 'www-data']]);
  });
  it('an unreadable /proc is an error on every property', async () => {
    const { summary } = await runOn(
      processCheck,
      { type: 'process', comm: 'sshd', user: 'root' },
      fakeSystem({ processes: () => Promise.reject(new Error('EACCES')) }),
      regex,
    );
    assert.deepEqual(summary, ['running:error', 'user:error']);
  });
  it('parses cmdline and status', () => {
    assert.deepEqual(parseCmdline('/usr/sbin/sshd\0-D\0'), ['/usr/sbin/sshd', '-D']);
    assert.deepEqual(parseCmdline(''), []);
    assert.equal(parseStatusUid('Name:\tsshd\nUid:\t33\t33\t33\t33\n'), 33);
    assert.equal(parseStatusUid('Name:\tx\n'), undefined);
  });
});
