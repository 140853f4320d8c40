import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { file } from '../../agent/src/checks/file';
import { pkg } from '../../agent/src/checks/package';
import { service } from '../../agent/src/checks/service';
import { user } from '../../agent/src/checks/user';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { detectPackages, type PackageProbe } from '../../agent/src/system/package';
import { parseRpmList } from '../../agent/src/system/package-rpm';
import { parsePasswd } from '../../agent/src/system/passwd';
import type { ServiceProbe, ServiceState } from '../../agent/src/system/service';
import { hashAlgorithm, isLocked, parseShadow } from '../../agent/src/system/shadow';
import { pidFilesOf } from '../../agent/src/system/service-sysv';
import { fakeSystem, runOn, type FakeFacts } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());
type Case = [string, Record<string, unknown>, string[]];

function table(runner: unknown, type: string, facts: FakeFacts, cases: Case[]): void {
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary, outcomes } = await runOn(runner as never, { type, ...check } as never, fakeSystem(facts), regex);
      assert.deepEqual(summary, expected, JSON.stringify(outcomes));
    });
  }
}

describe('user password state (/etc/shadow) on a fake system', () => {
  const passwd = parsePasswd(
    'root:x:0:0:root:/root:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/bash\nold:x:1002:1002::/home/old:/bin/sh\nghost:x:1003:1003::/:/bin/sh\n',
  );
  const shadow = parseShadow(['root:*:19000:0:99999:7:::', 'bob:$y$j9T$abc$def:19700:1:90:14::20500:', 'old:!$6$salt$hash:19000:0:99999:7:::'].join('\n'));
  table(user, 'user', { passwd, shadow }, [
    ['bob’s password is hashed with yescrypt', { name: 'bob', passwordHash: 'yescrypt' }, ['exists:pass', 'passwordHash:pass']],
    ['a locked sha512 account keeps its algorithm', { name: 'old', locked: true, passwordHash: 'sha512' }, ['exists:pass', 'locked:pass', 'passwordHash:pass']],
    ['bob is not locked', { name: 'bob', locked: false }, ['exists:pass', 'locked:pass']],
    ['root has no usable password', { name: 'root', locked: true, passwordHash: 'locked' }, ['exists:pass', 'locked:pass', 'passwordHash:pass']],
    [
      'password ageing as chage sets it',
      { name: 'bob', maxDays: { le: 90 }, minDays: 1, warnDays: 14 },
      ['exists:pass', 'minDays:pass', 'maxDays:pass', 'warnDays:pass'],
    ],
    ['the account expires on a date', { name: 'bob', expires: '2026-02-16' }, ['exists:pass', 'expires:pass']],
    ['an account that never expires', { name: 'old', expires: null }, ['exists:pass', 'expires:pass']],
    ['no shadow line is an error', { name: 'ghost', locked: false }, ['exists:pass', 'locked:error']],
    ['a missing user skips the password state', { name: 'nope', locked: true }, ['exists:fail', 'locked:skip']],
  ]);
  it('without root, /etc/shadow is an error saying root is needed, with the fix', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    const { summary, outcomes } = await runOn(
      user,
      { type: 'user', name: 'bob', uid: 1001, locked: false },
      fakeSystem({ passwd, shadow: () => Promise.reject(denied) }),
      regex,
    );
    assert.deepEqual(summary, ['exists:pass', 'uid:pass', 'locked:error']);
    assert.deepEqual(outcomes[2].reason, { code: 'user.shadowNeedsRoot', params: { path: '/etc/shadow', name: 'bob' } });
  });
  it('names hash algorithms from their crypt(5) prefix, and locks', () => {
    const cases: Array<[string, string, boolean]> = [
      ['$y$j9T$x$y', 'yescrypt', false],
      ['$6$s$h', 'sha512', false],
      ['$5$s$h', 'sha256', false],
      ['$1$s$h', 'md5', false],
      ['$2b$10$x', 'bcrypt', false],
      ['$gy$x', 'gost-yescrypt', false],
      ['!$y$x', 'yescrypt', true],
      ['*', 'locked', true],
      ['!', 'locked', true],
      ['!*', 'locked', true],
      ['', 'none', false],
      ['abcdefghijklm', 'des', false],
    ];
    for (const [hash, algorithm, locked] of cases) assert.deepEqual([hashAlgorithm(hash), isLocked(hash)], [algorithm, locked], hash);
  });
});

describe('package check with dpkg or rpm on a fake system', () => {
  const rpm = {
    manager: 'rpm' as const,
    versions: parseRpmList('bash\t5.1.8-9.el9\nkernel\t5.14.0-1.el9\nkernel\t5.14.0-2.el9\nperl-Errno\t0:1.30-480.el9\n'),
  };
  table(pkg, 'package', { packages: rpm }, [
    ['installed (rpm)', { name: 'bash' }, ['installed:pass']],
    ['a version range on rpm', { name: 'bash', versions: [{ semver: '>=5.1 <6' }] }, ['installed:pass', 'versions[0]:pass']],
    [
      'two kernels: one line each',
      { name: 'kernel', versions: ['5.14.0-2.el9', { length: { gt: 20 } }] },
      ['installed:pass', 'versions[0]:pass', 'versions[1]:pass'],
    ],
    ['not installed', { name: 'nginx', versions: ['1'] }, ['installed:fail', 'versions[0]:skip']],
    ['absent as wanted', { name: 'telnet', installed: false }, ['installed:pass']],
  ]);
  table(pkg, 'package', { packages: null }, [['no package manager: skipped with the reason', { name: 'bash' }, ['installed:skip']]]);
  table(pkg, 'package', { packages: () => Promise.reject(new Error('rpmdb open failed')) }, [
    ['a failing rpm is an error', { name: 'bash' }, ['installed:error']],
  ]);
  it('reads rpm -qa lines, epochs included', () => {
    assert.deepEqual(
      [...rpm.versions],
      [
        ['bash', ['5.1.8-9.el9']],
        ['kernel', ['5.14.0-1.el9', '5.14.0-2.el9']],
        ['perl-Errno', ['0:1.30-480.el9']],
      ],
    );
  });
  it('detect() takes the first manager present, once', async () => {
    const calls: string[] = [];
    const probe = (manager: 'dpkg' | 'rpm', present: boolean): PackageProbe => ({
      manager,
      present: async () => {
        calls.push(`${manager}?`);
        return present;
      },
      list: async () => {
        calls.push(`${manager} list`);
        return new Map([['x', ['1']]]);
      },
    });
    assert.equal((await detectPackages([probe('dpkg', false), probe('rpm', true)]))?.manager, 'rpm');
    assert.deepEqual(calls, ['dpkg?', 'rpm?', 'rpm list']);
    assert.equal(await detectPackages([probe('dpkg', false), probe('rpm', false)]), null);
  });
});

describe('service check through a SysV or OpenRC probe on a fake system', () => {
  const states: Record<string, ServiceState> = {
    ssh: { source: '/etc/init.d/ssh', running: true, enabled: true, masked: null, activeSeconds: 600 },
    cron: { source: '/etc/init.d/cron', running: false, enabled: true, masked: null, activeSeconds: null },
  };
  const sysv: ServiceProbe = {
    init: 'sysv',
    present: async () => true,
    state: async (name) => states[name] ?? { source: `/etc/init.d/${name}`, running: false, enabled: false, masked: null, activeSeconds: null },
  };
  table(service, 'service', { serviceProbe: sysv }, [
    ['a name alone asserts running', { name: 'ssh' }, ['running:pass']],
    ['stopped but enabled', { name: 'cron', running: false, enabled: true }, ['running:pass', 'enabled:pass']],
    ['running for at least 5 minutes', { name: 'ssh', activeSince: 300 }, ['activeSince:pass']],
    ['restarted less than a minute ago', { name: 'ssh', activeSince: { lt: 60 } }, ['activeSince:fail']],
    ['masked is systemd-only: skipped with the reason', { name: 'ssh', running: true, masked: false }, ['running:pass', 'masked:skip']],
    ['a stopped service has no uptime', { name: 'cron', activeSince: 1 }, ['activeSince:fail']],
    ['running as a matcher', { name: 'ssh', running: { not: false } }, ['running:pass']],
  ]);
  table(
    service,
    'service',
    {
      serviceProbe: {
        ...sysv,
        state: async () => {
          throw new Error('EACCES');
        },
      },
    },
    [['a failing probe is an error', { name: 'ssh', enabled: true }, ['enabled:error']]],
  );
  table(service, 'service', {}, [['no init at all: skipped with the reason', { name: 'ssh', enabled: true }, ['enabled:skip']]]);
  it('finds the pid files an init script names', () => {
    const script =
      'PIDFILE=/run/named/named.pid\nstart-stop-daemon --start --pidfile /run/sshd.pid --exec x\nstatus_of_proc -p /var/run/snmpd.pid x\nPIDFILE="$RUN/x.pid"\n';
    assert.deepEqual(pidFilesOf(script), ['/run/named/named.pid', '/run/sshd.pid', '/var/run/snmpd.pid']);
  });
});

describe('file size, checksum, link target and ids, on real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-state-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, 'worker_processes auto;\n');
  chmodSync(conf, 0o644);
  const empty = join(dir, 'empty');
  writeFileSync(empty, '');
  symlinkSync(conf, join(dir, 'enabled'));
  const sha = createHash('sha256').update('worker_processes auto;\n').digest('hex');
  const { uid, gid } = statSync(conf);
  const cases: Array<[string, string, Record<string, unknown>, string[]]> = [
    ['size in bytes', conf, { size: 23 }, ['size:pass']],
    ['not empty', empty, { size: { gt: 0 } }, ['size:fail']],
    ['sha256, any case', conf, { sha256: sha.toUpperCase() }, ['sha256:pass']],
    ['another sha256', conf, { sha256: '0'.repeat(64) }, ['sha256:fail']],
    ['a directory has no checksum: error', dir, { sha256: sha }, ['sha256:error']],
    ['a symlink’s target as written', join(dir, 'enabled'), { linkedTo: conf }, ['linkedTo:pass']],
    ['a symlink’s target by pattern', join(dir, 'enabled'), { linkedTo: { matches: 'nginx\\.conf$' } }, ['linkedTo:pass']],
    ['a regular file is linked to nothing', conf, { linkedTo: conf }, ['linkedTo:fail']],
    ['numeric ids', conf, { uid, gid: { oneOf: [gid] } }, ['uid:pass', 'gid:pass']],
    ['a missing file skips them', join(dir, 'nope'), { size: 1, sha256: sha, linkedTo: 'x' }, ['size:skip', 'linkedTo:skip', 'sha256:skip']],
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
