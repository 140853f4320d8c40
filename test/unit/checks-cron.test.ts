import assert from 'node:assert/strict';
import { cron, canonicalSchedule } from '../../agent/src/checks/cron';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseCrontab, unitSettings, type CronEntry } from '../../agent/src/system/cron';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('cron parsing', () => {
  it('reads a user crontab: macros, five fields, environment lines and comments', () => {
    const text = 'MAILTO=root\n# comment\n\n@daily /usr/local/bin/purge.sh\n30  2 * * 1-5   tar czf /srv/b.tgz /home  >/dev/null 2>&1\n';
    assert.deepEqual(parseCrontab(text, '/var/spool/cron/crontabs/alice', 'alice'), [
      { user: 'alice', schedule: '@daily', command: '/usr/local/bin/purge.sh', path: '/var/spool/cron/crontabs/alice', line: 4 },
      { user: 'alice', schedule: '30 2 * * 1-5', command: 'tar czf /srv/b.tgz /home  >/dev/null 2>&1', path: '/var/spool/cron/crontabs/alice', line: 5 },
    ]);
  });
  it('reads the user field of /etc/crontab and /etc/cron.d', () => {
    const text = 'SHELL=/bin/sh\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n@reboot www-data /srv/start.sh\n* * *\n';
    assert.deepEqual(
      parseCrontab(text, '/etc/crontab').map((e) => [e.user, e.schedule, e.command, e.line]),
      [
        ['root', '17 * * * *', 'cd / && run-parts --report /etc/cron.hourly', 2],
        ['www-data', '@reboot', '/srv/start.sh', 3],
      ],
    );
  });
  it('reads a unit file section with lines', () => {
    assert.deepEqual(unitSettings('[Unit]\nDescription=x\n[Timer]\nOnCalendar=*-*-* 02:30:00\nPersistent=true\n', 'Timer'), [
      { key: 'OnCalendar', value: '*-*-* 02:30:00', line: 4 },
      { key: 'Persistent', value: 'true', line: 5 },
    ]);
  });
  it('spells out macros and collapses whitespace', () => {
    assert.equal(canonicalSchedule('@daily'), '0 0 * * *');
    assert.equal(canonicalSchedule(' 30\t2 *  * 1-5 '), '30 2 * * 1-5');
    assert.equal(canonicalSchedule('@reboot'), '@reboot');
  });
});

describe('cron check on a fake system', () => {
  const entries: CronEntry[] = [
    {
      user: 'root',
      schedule: '30 2 * * 1-5',
      command: '/usr/local/bin/sauvegarde.sh >> /var/log/sauvegarde.log 2>&1',
      path: '/etc/cron.d/sauvegarde',
      line: 3,
    },
    { user: 'alice', schedule: '@daily', command: '/home/alice/purge.sh', path: '/var/spool/cron/crontabs/alice', line: 2 },
    { user: 'bob', schedule: '0 0 * * *', command: '/home/alice/purge.sh', path: '/var/spool/cron/crontabs/bob', line: 1 },
    {
      user: 'backup',
      schedule: '*-*-* 03:00:00',
      command: '/usr/bin/rsync -a /srv /mnt',
      path: '/etc/systemd/system/rsync.timer',
      line: 5,
      timer: 'rsync.timer',
    },
  ];
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['found by a command part', { command: { contains: 'sauvegarde.sh' } }, ['exists:pass']],
    ['user and schedule', { command: { contains: 'sauvegarde.sh' }, user: 'root', schedule: '30 2  *  *  1-5' }, ['exists:pass', 'user:pass', 'schedule:pass']],
    ['wrong schedule', { command: { contains: 'sauvegarde.sh' }, schedule: '0 3 * * *' }, ['exists:pass', 'schedule:fail']],
    ['@daily equals 0 0 * * *', { command: '/home/alice/purge.sh', user: 'alice', schedule: '0 0 * * *' }, ['exists:pass', 'user:pass', 'schedule:pass']],
    ['one of several entries has the user', { command: '/home/alice/purge.sh', user: 'bob' }, ['exists:pass', 'user:pass']],
    ['none has the user', { command: '/home/alice/purge.sh', user: { oneOf: ['root', 'carol'] } }, ['exists:pass', 'user:fail']],
    ['schedule matcher on the text as written', { command: '/home/alice/purge.sh', schedule: { matches: '^@' } }, ['exists:pass', 'schedule:pass']],
    ['exact command is equality', { command: '/usr/local/bin/sauvegarde.sh' }, ['exists:fail']],
    ['missing job skips the rest', { command: { contains: 'absent' }, user: 'root', schedule: '@daily' }, ['exists:fail', 'user:skip', 'schedule:skip']],
    ['absent as wanted', { command: { contains: 'absent' }, exists: false }, ['exists:pass']],
    ['present but unwanted', { command: { contains: 'purge' }, exists: false }, ['exists:fail']],
    ['a timer by name', { timer: 'rsync', user: 'backup', schedule: '*-*-* 03:00:00' }, ['exists:pass', 'user:pass', 'schedule:pass']],
    ['a timer and its command', { timer: 'rsync.timer', command: { contains: 'rsync -a' } }, ['exists:pass']],
    ['a missing timer', { timer: 'nope' }, ['exists:fail']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(cron, { type: 'cron', ...check } as never, fakeSystem({ cron: { entries, unreadable: [] } }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('every result carries the entry’s file:line; exists lists every source', async () => {
    const { outcomes } = await runOn(
      cron,
      { type: 'cron', command: '/home/alice/purge.sh', user: 'bob' },
      fakeSystem({ cron: { entries, unreadable: [] } }),
      regex,
    );
    assert.deepEqual(outcomes[0].actual, ['/var/spool/cron/crontabs/alice:2', '/var/spool/cron/crontabs/bob:1']);
    assert.deepEqual([outcomes[1].path, outcomes[1].line, outcomes[1].actual], ['/var/spool/cron/crontabs/bob', 1, 'bob']);
  });
  it('a failed schedule shows every candidate', async () => {
    const { outcomes } = await runOn(
      cron,
      { type: 'cron', command: '/home/alice/purge.sh', schedule: '@hourly' },
      fakeSystem({ cron: { entries, unreadable: [] } }),
      regex,
    );
    assert.deepEqual(outcomes[1].actual, ['0 0 * * *', '0 0 * * *']);
    assert.equal(outcomes[1].reason?.code, 'mismatch');
  });
  it('an unreadable crontab spool is an error saying root is needed, unless the job was found elsewhere', async () => {
    const unreadable = [{ path: '/var/spool/cron/crontabs', error: 'EACCES' }];
    const missing = await runOn(cron, { type: 'cron', command: { contains: 'x' }, user: 'root' }, fakeSystem({ cron: { entries, unreadable } }), regex);
    assert.deepEqual(missing.summary, ['exists:error', 'user:skip']);
    assert.equal(missing.outcomes[0].reason?.code, 'cron.needsRoot');
    const found = await runOn(cron, { type: 'cron', command: { contains: 'sauvegarde' } }, fakeSystem({ cron: { entries, unreadable } }), regex);
    assert.deepEqual(found.summary, ['exists:pass']);
    const timer = await runOn(cron, { type: 'cron', timer: 'nope' }, fakeSystem({ cron: { entries, unreadable } }), regex);
    assert.deepEqual(timer.summary, ['exists:fail']);
  });
});
