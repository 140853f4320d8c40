import assert from 'node:assert/strict';
import { configTest } from '../../agent/src/checks/configTest';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { locateError } from '../../agent/src/system/config-test';
import type { ToolRun } from '../../agent/src/system/run-tool';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

const ran = (code: number, stderr: string, stdout = ''): ToolRun => ({ kind: 'ran', code, stdout, stderr, truncated: false });

describe('validator error locations', () => {
  const cases: Array<[string, string, [string, number] | undefined]> = [
    [
      'nginx',
      'nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/default:3\nnginx: configuration file /etc/nginx/nginx.conf test failed',
      ['/etc/nginx/sites-enabled/default', 3],
    ],
    [
      'apache',
      "AH00526: Syntax error on line 12 of /etc/apache2/sites-enabled/000-default.conf:\nInvalid command 'DocRoot'",
      ['/etc/apache2/sites-enabled/000-default.conf', 12],
    ],
    ['named-checkconf', "/etc/bind/named.conf.local:5: missing ';' before '}'", ['/etc/bind/named.conf.local', 5]],
    [
      'named-checkzone',
      "zone tssr.lan/IN: loading from master file /etc/bind/db.tssr.lan failed: bad dotted quad\ndns_rdata_fromtext: /etc/bind/db.tssr.lan:12: near '192.168.1': bad dotted quad",
      ['/etc/bind/db.tssr.lan', 12],
    ],
    [
      'sshd',
      '/etc/ssh/sshd_config: line 3: Bad configuration option: FooBar\n/etc/ssh/sshd_config: terminating, 1 bad configuration options',
      ['/etc/ssh/sshd_config', 3],
    ],
    ['visudo 1.9', '/etc/sudoers.d/compta:1:12: syntax error\nalice ALL=(ALL ALL\n           ^', ['/etc/sudoers.d/compta', 1]],
    ['visudo old', '>>> /etc/sudoers: syntax error near line 28 <<<', ['/etc/sudoers', 28]],
    [
      'rsyslog',
      "rsyslogd: version 8.2302.0, config validation run (level 1), master config /etc/rsyslog.conf\nrsyslogd: error during parsing file /etc/rsyslog.d/50-remote.conf, on or before line 4: syntax error on token '}'",
      ['/etc/rsyslog.d/50-remote.conf', 4],
    ],
    ['postfix', 'postconf: fatal: /etc/postfix/main.cf, line 7: missing \'=\' after attribute name: "relayhost"', ['/etc/postfix/main.cf', 7]],
    ['zabbix', 'zabbix_agentd [42]: unknown parameter "Sever" in config file "/etc/zabbix/zabbix_agentd.conf", line 9', ['/etc/zabbix/zabbix_agentd.conf', 9]],
    ['kea', 'Error during command processing: /etc/kea/kea-dhcp4.conf:14.5-20: got unexpected keyword "subnet"', ['/etc/kea/kea-dhcp4.conf', 14]],
    ['no location, a timestamp is none', '2026-11-28 12:30:45 something failed', undefined],
  ];
  for (const [name, output, where] of cases) {
    it(name, () => {
      const got = locateError(output);
      assert.deepEqual(got.path === undefined ? undefined : [got.path, got.line], where);
    });
  }
});

describe('configTest check on a fake system', () => {
  const validators: Record<string, ToolRun> = {
    'nginx -t': ran(1, 'nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/default:3\n'),
    'sshd -t': ran(0, ''),
    'sshd -t -f /tmp/bad': ran(255, '/tmp/bad: line 3: Bad configuration option: FooBar\n'),
    'visudo -c -f /etc/sudoers.d/compta': ran(0, '', '/etc/sudoers.d/compta: parsed OK\n'),
    'named-checkzone tssr.lan /etc/bind/db.tssr.lan': ran(0, '', 'zone tssr.lan/IN: loaded serial 1\nOK\n'),
  };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a valid configuration', { tool: 'sshd' }, 'valid:pass'],
    ['an invalid one', { tool: 'nginx' }, 'valid:fail'],
    ['invalid as wanted', { tool: 'sshd', file: '/tmp/bad', valid: false }, 'valid:pass'],
    ['valid but should not be', { tool: 'sshd', valid: false }, 'valid:fail'],
    ['a given file', { tool: 'visudo', file: '/etc/sudoers.d/compta' }, 'valid:pass'],
    ['a zone', { tool: 'namedZone', zone: 'tssr.lan', file: '/etc/bind/db.tssr.lan' }, 'valid:pass'],
    ['a missing validator is an error', { tool: 'keaDhcp4' }, 'valid:error'],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(configTest, { type: 'configTest', ...check } as never, fakeSystem({ validators }), regex);
      assert.deepEqual(summary, [expected]);
    });
  }
  it('reports the file:line the validator blames', async () => {
    const { outcomes } = await runOn(configTest, { type: 'configTest', tool: 'nginx' }, fakeSystem({ validators }), regex);
    assert.deepEqual([outcomes[0].path, outcomes[0].line, outcomes[0].reason?.code], ['/etc/nginx/sites-enabled/default', 3, 'configTest.invalid']);
  });
  it('names the package that installs a missing validator', async () => {
    const { outcomes } = await runOn(configTest, { type: 'configTest', tool: 'keaDhcp4' }, fakeSystem({ validators }), regex);
    assert.deepEqual(outcomes[0].reason, { code: 'configTest.toolMissing', params: { tool: 'kea-dhcp4', package: 'kea-dhcp4-server' } });
  });
});
