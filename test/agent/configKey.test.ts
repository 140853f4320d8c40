import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results, runAgent } from '../helpers/agent';

/** Runs one check with the built agent; returns `property:status` and the results. */
async function run(check: Record<string, unknown>): Promise<{ summary: string[]; rs: Array<Record<string, any>> }> {
  const rs = results(await runAgent(request([check])));
  return { summary: rs.map((r) => `${r.property}:${r.status}`), rs };
}

describe('agent configKey check on real files and sshd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-conf-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const ini = file('smb.conf', '[global]\n   workgroup = TSSR\n   server role = standalone server\n[partage]\n   path = /srv/partage\n');
  const kv = file('zabbix_agentd.conf', '# Server=127.0.0.1\nServer=192.168.10.5\nHostname=srv-web\n');
  const defs = file('login.defs', 'MAIL_DIR\t/var/mail\nPASS_MAX_DAYS\t99999\nPASS_MAX_DAYS\t90\n');

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['ini section.key', { format: 'ini', path: ini, key: 'global.workgroup', value: 'TSSR' }, ['exists:pass', 'value:pass']],
    ['ini key with a space', { format: 'ini', path: ini, key: 'global.server role', value: { contains: 'standalone' } }, ['exists:pass', 'value:pass']],
    ['ini wrong value', { format: 'ini', path: ini, key: 'partage.path', value: '/srv/compta' }, ['exists:pass', 'value:fail']],
    ['key=value, a commented line does not count', { format: 'keyValue', path: kv, key: 'Server', value: '192.168.10.5' }, ['exists:pass', 'value:pass']],
    ['login.defs: the last line wins', { format: 'loginDefs', path: defs, key: 'PASS_MAX_DAYS', value: { le: 90 } }, ['exists:pass', 'value:pass']],
    // The learner has not written it yet: a fail (the work is not done), not a broken check.
    ['a missing file is a fail', { format: 'keyValue', path: join(dir, 'absent.conf'), key: 'x', value: '1' }, ['exists:fail', 'value:skip']],
    ['a missing file, as wanted', { format: 'keyValue', path: join(dir, 'absent.conf'), key: 'x', exists: false }, ['exists:pass']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => assert.deepEqual((await run({ type: 'configKey', ...check })).summary, expected));
  }

  it('cites the line of login.defs that set the value', async () => {
    const { rs } = await run({ type: 'configKey', format: 'loginDefs', path: defs, key: 'PASS_MAX_DAYS', value: '90' });
    assert.deepEqual([rs[1].path, rs[1].line], [defs, 3]);
  });

  it('apache directives through Include, in their VirtualHost', async () => {
    mkdirSync(join(dir, 'apache/sites-enabled'), { recursive: true });
    const main = file('apache/apache2.conf', 'ServerRoot ' + join(dir, 'apache') + '\nInclude ports.conf\nIncludeOptional sites-enabled/*.conf\n');
    file('apache/ports.conf', 'Listen 80\n<IfModule ssl_module>\n  Listen 443\n</IfModule>\n');
    file('apache/sites-enabled/intranet.conf', '<VirtualHost *:80>\n  ServerName intranet.tssr.lan\n  DocumentRoot /var/www/intranet\n</VirtualHost>\n');
    const { summary, rs } = await run({ type: 'configKey', format: 'apache', path: main, key: 'virtualhost.documentroot', value: '/var/www/intranet' });
    assert.deepEqual(summary, ['exists:pass', 'value:pass']);
    assert.deepEqual([rs[1].path, rs[1].line], [join(dir, 'apache/sites-enabled/intranet.conf'), 3]);
    assert.deepEqual((await run({ type: 'configKey', format: 'apache', path: main, key: 'IfModule.Listen', value: '443' })).summary, [
      'exists:pass',
      'value:pass',
    ]);
  });

  describe('sshd -T on a temp configuration', () => {
    // sshd resolves a relative Include against /etc/ssh: the test's include is absolute.
    const inc = join(dir, 'sshd_config.d');
    mkdirSync(inc, { recursive: true });
    file('sshd_config.d/10-tssr.conf', 'PermitRootLogin no\nPasswordAuthentication no\n');
    const conf = file('sshd_config', `Include ${inc}/*.conf\nPort 2222\nPermitRootLogin yes\nMatch User bob\n  PasswordAuthentication yes\n`);
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['the first setting wins, from the included file', { key: 'PermitRootLogin', value: 'no' }, ['exists:pass', 'value:pass']],
      ['a Match block is not the global value', { key: 'passwordauthentication', value: 'no' }, ['exists:pass', 'value:pass']],
      ['a default value sshd computed', { key: 'X11Forwarding', value: 'no' }, ['exists:pass', 'value:pass']],
      ['a wrong value', { key: 'Port', value: 22 }, ['exists:pass', 'value:fail']],
      [
        'for a connection, its Match block applies (sshd -T -C)',
        { key: 'PasswordAuthentication', value: 'yes', connection: { user: 'bob' } },
        ['exists:pass', 'value:pass'],
      ],
      [
        'another user gets the global value',
        { key: 'PasswordAuthentication', value: 'no', connection: { user: 'alice', addr: '10.0.0.8' } },
        ['exists:pass', 'value:pass'],
      ],
    ];
    for (const [name, check, expected] of cases) {
      it(name, async () => assert.deepEqual((await run({ type: 'configKey', format: 'sshd', path: conf, ...check })).summary, expected));
    }
    it('names the file:line that set the value', async () => {
      const { rs } = await run({ type: 'configKey', format: 'sshd', path: conf, key: 'PermitRootLogin', value: 'yes' });
      assert.deepEqual([rs[1].status, rs[1].actual, rs[1].path, rs[1].line], ['fail', 'no', join(inc, '10-tssr.conf'), 1]);
    });
    it('a configuration sshd rejects is an error with its message', async () => {
      const bad = file('sshd_bad', 'Port 22\nFooBar yes\n');
      const { summary, rs } = await run({ type: 'configKey', format: 'sshd', path: bad, key: 'Port', value: '22' });
      assert.deepEqual(summary, ['exists:error', 'value:skip']);
      assert.equal(rs[0].reason.code, 'configKey.toolFailed');
      assert.match(rs[0].reason.params.detail, /line 2: Bad configuration option: FooBar/);
    });
  });
});
