import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cron } from '../../agent/src/checks/cron';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { createSystem } from '../../agent/src/system';
import { parseCrontab } from '../../agent/src/system/cron';
import { request, results, runAgent } from '../helpers/agent';
import { runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('agent cron check on real files', () => {
  // A temp root laid out as Debian lays out cron and systemd, with the System's paths pointed at it.
  const root = mkdtempSync(join(tmpdir(), 'tssr-cron-'));
  const at = (p: string): string => join(root, p);
  for (const d of ['var/spool/cron/crontabs', 'etc/cron.d', 'etc/systemd/system', 'lib/systemd/system']) mkdirSync(at(d), { recursive: true });
  writeFileSync(at('var/spool/cron/crontabs/alice'), '# DO NOT EDIT\nMAILTO=alice\n@daily /home/alice/purge.sh\n');
  writeFileSync(at('etc/crontab'), 'SHELL=/bin/sh\n17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly\n');
  writeFileSync(at('etc/cron.d/sauvegarde'), '# sauvegarde quotidienne\n30 2 * * 1-5 root /usr/local/bin/sauvegarde.sh >> /var/log/sauvegarde.log 2>&1\n');
  writeFileSync(at('etc/cron.d/ignored.dpkg-old'), '* * * * * root /bin/ignored\n');
  writeFileSync(at('lib/systemd/system/rsync.timer'), '[Timer]\nOnCalendar=daily\n');
  writeFileSync(at('etc/systemd/system/rsync.timer'), '[Unit]\nDescription=copie\n\n[Timer]\nOnCalendar=*-*-* 03:00:00\nPersistent=true\n');
  writeFileSync(at('lib/systemd/system/rsync.service'), '[Service]\nType=oneshot\nUser=backup\nExecStart=/usr/bin/rsync -a /srv /mnt\n');
  const system = createSystem({
    cronSpool: at('var/spool/cron/crontabs'),
    crontab: at('etc/crontab'),
    cronD: at('etc/cron.d'),
    unitDirs: [at('etc/systemd/system'), at('lib/systemd/system')],
  });
  const cases: Array<[string, Record<string, unknown>, string[], string]> = [
    [
      'a user crontab',
      { command: '/home/alice/purge.sh', user: 'alice', schedule: '0 0 * * *' },
      ['exists:pass', 'user:pass', 'schedule:pass'],
      'var/spool/cron/crontabs/alice:3',
    ],
    [
      '/etc/crontab',
      { command: { contains: 'run-parts' }, user: 'root', schedule: '17 * * * *' },
      ['exists:pass', 'user:pass', 'schedule:pass'],
      'etc/crontab:2',
    ],
    ['/etc/cron.d', { command: { matches: 'sauvegarde\\.sh' }, schedule: '0 2 * * *' }, ['exists:pass', 'schedule:fail'], 'etc/cron.d/sauvegarde:2'],
    [
      'a timer in /etc overrides /lib',
      { timer: 'rsync', user: 'backup', schedule: '*-*-* 03:00:00', command: { contains: 'rsync -a' } },
      ['exists:pass', 'user:pass', 'schedule:pass'],
      'etc/systemd/system/rsync.timer:5',
    ],
  ];
  for (const [name, check, expected, where] of cases) {
    it(name, async () => {
      const { summary, outcomes } = await runOn(cron, { type: 'cron', ...check } as never, system, regex);
      assert.deepEqual(summary, expected);
      assert.equal(`${outcomes[0].path}:${outcomes[0].line}`, at(where));
    });
  }
  it('cron ignores a file of /etc/cron.d with a dot in its name, and so does the check', async () => {
    assert.deepEqual((await runOn(cron, { type: 'cron', command: '/bin/ignored' }, system, regex)).summary, ['exists:fail']);
  });

  it('the built agent reads this machine’s /etc/cron.d', async function () {
    const files = existsSync('/etc/cron.d') ? readdirSync('/etc/cron.d').filter((n) => /^[A-Za-z0-9_-]+$/.test(n)) : [];
    const entry = files.flatMap((f) => parseCrontab(readFileSync(join('/etc/cron.d', f), 'utf8'), join('/etc/cron.d', f)))[0];
    if (!entry) this.skip();
    const rs = results(await runAgent(request([{ type: 'cron', command: entry.command, user: entry.user, schedule: entry.schedule }])));
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['exists:pass', 'user:pass', 'schedule:pass'],
    );
    assert.deepEqual([rs[0].path, rs[0].line], [entry.path, entry.line]);
  });
});
