import assert from 'node:assert/strict';
import type { RunReport } from '../../schemas/generated/types';
import { labImage, labUnavailable, runArgv, type Container, Lab } from '../helpers/container';
import { exerciseDir } from '../helpers/exercise-dir';
import { CLI } from '../helpers/paths';

type Got = Record<string, Array<{ summary: string; path?: string; line?: number; code?: string }>>;

describe('container: cron, configKey, configTest and log checks on a systemd target, over SSH', function () {
  this.timeout(15 * 60_000);
  let lab: Lab | undefined;
  let c: Container;
  let target: string[] = [];

  before(async function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
    lab = await Lab.up((await labImage()).root);
    [c] = await lab.boot('ccl');
    const ep = await c.sshEndpoint();
    target = ['--target', `ssh://root@127.0.0.1:${ep.port}`, '-i', ep.identityFile, '--known-hosts', ep.knownHosts];
  });
  after(async () => {
    await lab?.down();
  });

  /** Runs the checks with the CLI and the real SSH transport; returns results by critère id. */
  async function check(checks: Record<string, Record<string, unknown>>): Promise<Got> {
    const r = await runArgv(process.execPath, [CLI, 'check', exerciseDir(checks, 'tssr-ccl-'), '--lang', 'en', '--format', 'json', ...target]);
    assert.ok(r.code === 0 || r.code === 1, `${r.stderr}\n${r.stdout}`);
    const report = JSON.parse(r.stdout) as RunReport;
    return Object.fromEntries(
      report.criteria.map((k) => [
        k.id,
        k.results.map((x) => {
          const o = x as unknown as { property: string; status: string; path?: string; line?: number; reason?: { code: string } };
          return { summary: `${o.property}:${o.status}`, path: o.path, line: o.line, code: o.reason?.code };
        }),
      ]),
    );
  }
  const summaries = (got: Got): Record<string, string[]> => Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.map((x) => x.summary)]));

  async function ssh(line: string, input?: string): Promise<void> {
    const r = await c.ssh(line, input);
    assert.equal(r.code, 0, `${line}: ${r.stderr}`);
  }

  it('cron: a root crontab, /etc/cron.d, a packaged timer and a timer of our own', async () => {
    await ssh('crontab -', '# m h dom mon dow command\n*/5 * * * * /usr/local/bin/collecte.sh\n');
    await ssh('cat > /etc/cron.d/sauvegarde', '30 2 * * 1-5 root /usr/local/bin/sauvegarde.sh\n');
    await ssh('cat > /etc/systemd/system/purge.service', '[Service]\nType=oneshot\nUser=www-data\nExecStart=/usr/local/bin/purge.sh\n');
    await ssh('cat > /etc/systemd/system/purge.timer', '[Timer]\nOnCalendar=Mon *-*-* 04:00:00\n\n[Install]\nWantedBy=timers.target\n');
    await ssh('systemctl daemon-reload && systemctl enable --now purge.timer');
    const got = await check({
      user: { type: 'cron', command: '/usr/local/bin/collecte.sh', user: 'root', schedule: '*/5 * * * *' },
      crond: { type: 'cron', command: { contains: 'sauvegarde.sh' }, schedule: '30 2 * * 1-5' },
      apt: { type: 'cron', timer: 'apt-daily', schedule: '*-*-* 6,18:00', command: { contains: 'apt.systemd.daily' } },
      purge: { type: 'cron', timer: 'purge', user: 'www-data', schedule: { matches: '^Mon ' } },
      absent: { type: 'cron', command: { contains: 'nothing-like-this' }, exists: false },
    });
    assert.deepEqual(summaries(got), {
      user: ['exists:pass', 'user:pass', 'schedule:pass'],
      crond: ['exists:pass', 'schedule:pass'],
      apt: ['exists:pass', 'schedule:pass'],
      purge: ['exists:pass', 'user:pass', 'schedule:pass'],
      absent: ['exists:pass'],
    });
    // crontab(1) adds its own header lines: the line is the one grep finds in the installed file.
    const grep = await c.ssh('grep -n collecte.sh /var/spool/cron/crontabs/root');
    assert.deepEqual([got.user[0].path, got.user[0].line], ['/var/spool/cron/crontabs/root', Number(grep.stdout.split(':')[0])]);
    assert.deepEqual([got.purge[0].path, got.purge[0].line], ['/etc/systemd/system/purge.timer', 2]);
  });

  it('configKey: nginx directives from nginx -T and sshd values from sshd -T, with their file:line', async () => {
    const got = await check({
      listen: { type: 'configKey', format: 'nginx', key: 'http.server.listen', value: { contains: '80 default_server' } },
      user: { type: 'configKey', format: 'nginx', key: 'user', value: 'www-data' },
      root: { type: 'configKey', format: 'nginx', key: 'http.server.root', value: '/var/www/html' },
      x11: { type: 'configKey', format: 'sshd', key: 'X11Forwarding', value: 'yes' },
      port: { type: 'configKey', format: 'sshd', key: 'Port', value: 22 },
    });
    assert.deepEqual(summaries(got), {
      listen: ['exists:pass', 'value:pass'],
      user: ['exists:pass', 'value:pass'],
      root: ['exists:pass', 'value:pass'],
      x11: ['exists:pass', 'value:pass'],
      port: ['exists:pass', 'value:pass'],
    });
    assert.equal(got.listen[1].path, '/etc/nginx/sites-enabled/default');
    assert.deepEqual([got.x11[1].path, got.user[1].path], ['/etc/ssh/sshd_config', '/etc/nginx/nginx.conf']);
  });

  it('configTest: nginx -t, visudo -c and apachectl configtest accept, then blame the broken file:line; a missing validator names its package', async () => {
    const checks = {
      nginx: { type: 'configTest', tool: 'nginx' },
      visudo: { type: 'configTest', tool: 'visudo' },
      sshd: { type: 'configTest', tool: 'sshd' },
      rsyslog: { type: 'configTest', tool: 'rsyslog' },
      apache: { type: 'configTest', tool: 'apache' },
      postfix: { type: 'configTest', tool: 'postfix' },
    };
    const before = await check(checks);
    assert.deepEqual(summaries(before), {
      nginx: ['valid:pass'],
      visudo: ['valid:pass'],
      sshd: ['valid:pass'],
      rsyslog: ['valid:pass'],
      apache: ['valid:pass'],
      postfix: ['valid:error'],
    });
    // The image has no postfix: the check says which package to install instead of failing.
    assert.equal(before.postfix[0].code, 'configTest.toolMissing');
    await ssh('cat > /etc/nginx/conf.d/tssr.conf', 'server {\n  lisen 8080;\n}\n');
    await ssh('cat > /etc/sudoers.d/tssr && chmod 0440 /etc/sudoers.d/tssr', 'alice ALL=(ALL ALL\n');
    const after = await check({ nginx: checks.nginx, visudo: checks.visudo });
    assert.deepEqual(
      after.nginx.map((x) => [x.summary, x.path, x.line]),
      [['valid:fail', '/etc/nginx/conf.d/tssr.conf', 2]],
    );
    assert.deepEqual(
      after.visudo.map((x) => [x.summary, x.path, x.line]),
      [['valid:fail', '/etc/sudoers.d/tssr', 1]],
    );
    await ssh('rm /etc/nginx/conf.d/tssr.conf /etc/sudoers.d/tssr');
  });

  it('log: a logger message lands in the journal and in /var/log/syslog; older lines do not count', async () => {
    await ssh('logger -t tssr-old tssr-before-the-run');
    const got = await check({
      journal: { type: 'log', trigger: { message: 'tssr-journal-ok' }, withinMs: 20_000 },
      syslog: {
        type: 'log',
        path: '/var/log/syslog',
        pattern: { matches: 'tssr-lab(\\[\\d+\\])?: tssr-syslog-ok' },
        trigger: { message: 'tssr-syslog-ok' },
        withinMs: 20_000,
      },
      old: { type: 'log', pattern: 'tssr-before-the-run' },
    });
    assert.deepEqual(summaries(got), { journal: ['found:pass'], syslog: ['found:pass'], old: ['found:fail'] });
  });
});
