import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from '../../agent/src/checks/command';
import { file } from '../../agent/src/checks/file';
import { group } from '../../agent/src/checks/group';
import { kernelParam } from '../../agent/src/checks/kernelParam';
import { port } from '../../agent/src/checks/port';
import { processCheck } from '../../agent/src/checks/process';
import { user } from '../../agent/src/checks/user';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseGroups, parsePasswd } from '../../agent/src/system/passwd';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());
type Case = [string, Record<string, unknown>, string[]];

/** Runs a table of checks of one type against one fake system, each case comparing `property:status` lines. */
function table(title: string, runner: (c: never, x: never) => Promise<void>, type: string, facts: Parameters<typeof fakeSystem>[0], cases: Case[]): void {
  describe(title, () => {
    for (const [name, check, expected] of cases) {
      it(name, async () => {
        const { summary, outcomes } = await runOn(runner as never, { type, ...check } as never, fakeSystem(facts), regex);
        assert.deepEqual(summary, expected, JSON.stringify(outcomes));
      });
    }
  });
}

const passwd = parsePasswd('root:x:0:0:root:/root:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/bash\nalice:x:1002:1002::/home/alice:/bin/sh\n');
const groups = parseGroups('root:x:0:\nbob:x:1001:\nalice:x:1002:\ncompta:x:2000:bob,alice\nrh:x:2001:alice\n');

table('user attributes take matchers', user as never, 'user', { passwd, groups }, [
  ['bob’s groups contain compta', { name: 'bob', groups: { contains: 'compta' } }, ['exists:pass', 'groups:pass']],
  ['bob’s groups do not contain rh', { name: 'bob', groups: { not: { contains: 'rh' } } }, ['exists:pass', 'groups:pass']],
  [
    'alice’s groups contain compta, and she is in rh',
    { name: 'alice', groups: { allOf: [{ contains: 'compta' }, { contains: 'rh' }] } },
    ['exists:pass', 'groups:pass'],
  ],
  ['a plain list stays exact, in any order', { name: 'bob', groups: ['compta', 'bob'] }, ['exists:pass', 'groups:pass']],
  ['a plain list without the primary group fails, as before', { name: 'bob', groups: ['compta'] }, ['exists:pass', 'groups:fail']],
  ['uid of a regular account', { name: 'bob', uid: { ge: 1000 } }, ['exists:pass', 'uid:pass']],
  ['root is not a regular account', { name: 'root', uid: { ge: 1000 } }, ['exists:pass', 'uid:fail']],
  ['a shell among several', { name: 'alice', shell: { oneOf: ['/bin/bash', '/bin/sh'] } }, ['exists:pass', 'shell:pass']],
  ['a home matching a pattern', { name: 'alice', home: { matches: '^/home/' } }, ['exists:pass', 'home:pass']],
]);

table('group attributes take matchers', group as never, 'group', { groups }, [
  ['members contain bob', { name: 'compta', members: { contains: 'bob' } }, ['exists:pass', 'members:pass']],
  ['members exactly, any order (plain list, as before)', { name: 'compta', members: ['alice', 'bob'] }, ['exists:pass', 'members:pass']],
  ['a member too many', { name: 'rh', members: { length: 0 } }, ['exists:pass', 'members:fail']],
  ['gid in a range', { name: 'compta', gid: { allOf: [{ ge: 2000 }, { lt: 3000 }] } }, ['exists:pass', 'gid:pass']],
]);

table(
  'port attributes take matchers',
  port as never,
  'port',
  {
    listeners: [
      { protocol: 'tcp', ip: '127.0.0.1', port: 22 },
      { protocol: 'tcp', ip: '::1', port: 22 },
      { protocol: 'tcp', ip: '0.0.0.0', port: 80 },
    ],
  },
  [
    ['not on every interface', { port: 22, ip: { not: { contains: '0.0.0.0' } } }, ['listening:pass', 'ip:pass']],
    ['on every interface', { port: 80, ip: { not: { contains: '0.0.0.0' } } }, ['listening:pass', 'ip:fail']],
    ['a plain list is exact in any order', { port: 22, ip: ['::1', '127.0.0.1'] }, ['listening:pass', 'ip:pass']],
  ],
);

table(
  'process attributes take matchers',
  processCheck as never,
  'process',
  {
    passwd: [...passwd, { name: 'www-data', uid: 33, gid: 33, home: '/var/www', shell: '/usr/sbin/nologin', line: 9 }],
    processes: [
      { pid: 20, comm: 'nginx', args: ['nginx: master process'], uid: 0 },
      { pid: 21, comm: 'nginx', args: ['nginx: worker process'], uid: 33 },
    ],
  },
  [
    ['no process runs as bob', { comm: 'nginx', user: { not: { contains: 'bob' } } }, ['running:pass', 'user:pass']],
    ['exactly root and www-data', { comm: 'nginx', user: { consistOf: ['root', 'www-data'] } }, ['running:pass', 'user:pass']],
    ['none as root fails', { comm: 'nginx', user: { not: { contains: 'root' } } }, ['running:pass', 'user:fail']],
    [
      'args: any operator on all the lines',
      { comm: 'nginx', args: [{ not: { contains: 'debug' } }, { length: { gt: 10 } }] },
      ['running:pass', 'args[0]:pass', 'args[1]:pass'],
    ],
  ],
);

table(
  'kernelParam value takes matchers',
  kernelParam as never,
  'kernelParam',
  { kernelParams: { 'net.ipv4.ip_forward': { kind: 'value', value: '1' }, 'net.core.somaxconn': { kind: 'value', value: '4096' } } },
  [
    ['at least', { key: 'net.core.somaxconn', value: { ge: 1024 } }, ['value:pass']],
    ['not 0', { key: 'net.ipv4.ip_forward', value: { not: '0' } }, ['value:pass']],
    ['one of', { key: 'net.ipv4.ip_forward', value: { oneOf: ['0'] } }, ['value:fail']],
  ],
);

describe('command attributes take matchers', () => {
  const cases: Case[] = [
    ['the exit status is not 0', { exec: ['false'], exitStatus: { not: 0 } }, ['exitStatus:pass']],
    ['a success is not “not 0”', { exec: ['true'], exitStatus: { not: 0 } }, ['exitStatus:fail']],
    ['a plain status still means equals', { exec: ['sh', '-c', 'exit 3'], exitStatus: 3 }, ['exitStatus:pass']],
    ['one of several statuses', { exec: ['sh', '-c', 'exit 1'], exitStatus: { oneOf: [0, 1] } }, ['exitStatus:pass']],
    [
      'stdout: old text operators and new ones side by side',
      { exec: ['printf', 'a\\nbb\\n'], stdout: ['bb', { notContains: 'c' }, { not: { contains: 'zz' } }, { length: 4 }, { contains: { matches: '^b+$' } }] },
      ['stdout[0]:pass', 'stdout[1]:pass', 'stdout[2]:pass', 'stdout[3]:pass', 'stdout[4]:pass'],
    ],
    [
      'stdout: a version range',
      { exec: ['echo', '1.22.1-9+deb12u2'], stdout: [{ semver: '>=1.22 <2' }, { semver: '^2' }] },
      ['stdout[0]:pass', 'stdout[1]:fail'],
    ],
    ['an unknown operator is an error, not a fail', { exec: ['true'], stdout: [{ sortOf: 'x' }] }, ['stdout[0]:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(command, { type: 'command', ...check } as never, fakeSystem({}), regex);
      assert.deepEqual(summary, expected);
    });
  }
});

describe('file permissions in words (InSpec’s be_writable.by), on real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-perm-'));
  const at = (name: string, mode: number): string => {
    const p = join(dir, name);
    writeFileSync(p, 'x');
    chmodSync(p, mode);
    return p;
  };
  const private640 = at('p640', 0o640);
  const script755 = at('s755', 0o755);
  const open666 = at('o666', 0o666);
  const cases: Array<[string, string, Record<string, unknown>, string[]]> = [
    [
      'no write for group and others',
      private640,
      { permissions: { group: { write: false }, others: { write: false } } },
      ['permissions.group.write:pass', 'permissions.others.write:pass'],
    ],
    [
      'no write for group and others, offended',
      open666,
      { permissions: { group: { write: false }, others: { write: false } } },
      ['permissions.group.write:fail', 'permissions.others.write:fail'],
    ],
    ['executable by its owner', script755, { permissions: { owner: { execute: true } } }, ['permissions.owner.execute:pass']],
    ['executable by its owner, offended', private640, { permissions: { owner: { execute: true } } }, ['permissions.owner.execute:fail']],
    [
      'others may not read',
      private640,
      { permissions: { others: { read: false, write: false, execute: false } } },
      ['permissions.others.read:pass', 'permissions.others.write:pass', 'permissions.others.execute:pass'],
    ],
    ['writableBy: only the owner (plain list, exact)', private640, { writableBy: ['owner'] }, ['writableBy:pass']],
    ['writableBy: others may not write', open666, { writableBy: { not: { contains: 'others' } } }, ['writableBy:fail']],
    ['readableBy: owner and group, any order', private640, { readableBy: ['group', 'owner'] }, ['readableBy:pass']],
    ['executableBy contains owner', script755, { executableBy: { contains: 'owner' } }, ['executableBy:pass']],
    ['executableBy: nobody', private640, { executableBy: [] }, ['executableBy:pass']],
    ['mode: a plain 3-digit mode still works', private640, { mode: '640' }, ['mode:pass']],
    ['mode: one of', script755, { mode: { oneOf: ['0750', '0755'] } }, ['mode:pass']],
    [
      'a missing file skips the permissions',
      join(dir, 'nope'),
      { permissions: { group: { write: false } }, writableBy: ['owner'] },
      ['writableBy:skip', 'permissions.group.write:skip'],
    ],
  ];
  for (const [name, path, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(file, { type: 'file', path, ...check } as never, fakeSystem({}), regex);
      assert.deepEqual(
        summary.filter((s) => !s.startsWith('exists:')),
        expected,
      );
    });
  }
});
