import assert from 'node:assert/strict';
import { configKey } from '../../agent/src/checks/configKey';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseIni, parseKeyValue, expandInclude, type FileSource } from '../../agent/src/system/config-files';
import { parseNginxDump, walkApache, walkSshd } from '../../agent/src/system/config-daemons';
import { parseSshdT, type ConfigRead } from '../../agent/src/system/config-key';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

/** A file system from a table: folders are the prefixes of the paths. */
function table(files: Record<string, string>): FileSource {
  return {
    read: async (p) => files[p] ?? null,
    list: async (d) => {
      const names = Object.keys(files)
        .filter((p) => p.startsWith(d + '/'))
        .map((p) => p.slice(d.length + 1).split('/')[0]);
      return names.length ? [...new Set(names)] : null;
    },
  };
}

describe('configuration parsers', () => {
  it('ini: sections, comments, quotes', () => {
    const e = parseIni('; c\nglobal_key = 1\n[global]\n  workgroup = TSSR\n# x\n[homes]\nbrowseable = "no"\n', '/etc/samba/smb.conf');
    assert.deepEqual(
      e.map((x) => [x.key, x.value, x.line]),
      [
        ['global_key', '1', 2],
        ['global.workgroup', 'TSSR', 4],
        ['homes.browseable', 'no', 7],
      ],
    );
  });
  it('key=value and key value', () => {
    const e = parseKeyValue('PASS_MAX_DAYS\t90\n#PASS_MIN_DAYS 0\nServer=192.168.10.5\nexport LANG="fr_FR.UTF-8"\nEMPTY=\n', '/f');
    assert.deepEqual(
      e.map((x) => [x.key, x.value, x.line]),
      [
        ['PASS_MAX_DAYS', '90', 1],
        ['Server', '192.168.10.5', 3],
        ['LANG', 'fr_FR.UTF-8', 4],
        ['EMPTY', '', 5],
      ],
    );
  });
  it('sshd: Include globs in order, Match blocks left out, keys lowercased', async () => {
    const files = table({
      '/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPort 22\nPermitRootLogin yes\nMatch User bob\n  PasswordAuthentication yes\n',
      '/etc/ssh/sshd_config.d/10-tssr.conf': 'PermitRootLogin=no\n',
      '/etc/ssh/sshd_config.d/20-x.conf': 'PasswordAuthentication no\n',
      '/etc/ssh/sshd_config.d/notes.txt': 'Port 1\n',
    });
    const e = await walkSshd('/etc/ssh/sshd_config', files);
    assert.deepEqual(
      e.map((x) => `${x.key}=${x.value}@${x.path}:${x.line}`),
      [
        'permitrootlogin=no@/etc/ssh/sshd_config.d/10-tssr.conf:1',
        'passwordauthentication=no@/etc/ssh/sshd_config.d/20-x.conf:1',
        'port=22@/etc/ssh/sshd_config:2',
        'permitrootlogin=yes@/etc/ssh/sshd_config:3',
      ],
    );
  });
  it('sshd -T output: repeated keywords are lists', () => {
    const m = parseSshdT('port 22\nlistenaddress [::]:22\nlistenaddress 0.0.0.0:22\npermitrootlogin no\n');
    assert.deepEqual([m.get('port'), m.get('listenaddress')], [['22'], ['[::]:22', '0.0.0.0:22']]);
  });
  it('apache: sections, Include of a folder and a glob, continued lines', async () => {
    const files = table({
      '/etc/apache2/apache2.conf': 'ServerName web01\nInclude ports.conf\nIncludeOptional sites-enabled/*.conf\n',
      '/etc/apache2/ports.conf': 'Listen 80\nListen 443\n',
      '/etc/apache2/sites-enabled/000-default.conf': '<VirtualHost *:80>\n  DocumentRoot \\\n    /var/www/html\n</VirtualHost>\n',
    });
    const e = await walkApache('/etc/apache2/apache2.conf', files);
    assert.deepEqual(
      e.map((x) => `${x.key}=${x.value}@${x.line}`),
      ['ServerName=web01@1', 'Listen=80@1', 'Listen=443@2', 'VirtualHost.DocumentRoot=/var/www/html@2'],
    );
    assert.deepEqual(await expandInclude('sites-enabled', '/etc/apache2', files), ['/etc/apache2/sites-enabled/000-default.conf']);
  });
  it('nginx -T dump: block paths through includes, quoted words, comments', () => {
    const dump = [
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
      '# configuration file /etc/nginx/nginx.conf:',
      'user www-data;\nevents { worker_connections 768; }\nhttp {\n  # comment ; {\n  include /etc/nginx/sites-enabled/*;\n}\n',
      '# configuration file /etc/nginx/sites-enabled/default:',
      'server {\n  listen 80 default_server;\n  listen [::]:443 ssl;\n  server_name "www.tssr.lan";\n  location / { root /var/www/html; }\n}\n',
    ].join('\n');
    const e = parseNginxDump(dump);
    assert.deepEqual(
      e.map((x) => `${x.key}=${x.value}@${x.path}:${x.line}`),
      [
        'user=www-data@/etc/nginx/nginx.conf:1',
        'events.worker_connections=768@/etc/nginx/nginx.conf:2',
        'http.server.listen=80 default_server@/etc/nginx/sites-enabled/default:2',
        'http.server.listen=[::]:443 ssl@/etc/nginx/sites-enabled/default:3',
        'http.server.server_name=www.tssr.lan@/etc/nginx/sites-enabled/default:4',
        'http.server.location.root=/var/www/html@/etc/nginx/sites-enabled/default:5',
      ],
    );
  });
});

describe('configKey check on a fake system', () => {
  const sshd: ConfigRead = {
    kind: 'entries',
    entries: [{ key: 'permitrootlogin', value: 'no', path: '/etc/ssh/sshd_config.d/10-tssr.conf', line: 1 }],
    effective: parseSshdT('permitrootlogin no\nport 22\nport 2222\nx11forwarding yes\n'),
  };
  const loginDefs: ConfigRead = { kind: 'entries', entries: parseKeyValue('PASS_MAX_DAYS 99999\nPASS_MAX_DAYS 90\nUMASK 022\n', '/etc/login.defs') };
  const nginx: ConfigRead = {
    kind: 'entries',
    entries: [
      { key: 'http.server.listen', value: '80', path: '/etc/nginx/sites-enabled/a', line: 2 },
      { key: 'http.server.listen', value: '443 ssl', path: '/etc/nginx/sites-enabled/b', line: 3 },
    ],
  };
  const configs: Record<string, ConfigRead> = {
    'sshd ': sshd,
    'loginDefs ': loginDefs,
    'nginx ': nginx,
    'apache ': { kind: 'missingTool', tool: 'x', package: 'y' },
    'ini /etc/php.ini': { kind: 'entries', entries: parseIni('[PHP]\nmemory_limit = 128M\n', '/etc/php.ini') },
    'keyValue /root/secret': { kind: 'needsRoot', what: '/root/secret', detail: 'EACCES' },
    'ini /etc/broken.ini': { kind: 'unreadable', path: '/etc/broken.ini', error: 'EIO' },
  };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['sshd effective value, any case', { format: 'sshd', key: 'PermitRootLogin', value: 'no' }, ['exists:pass', 'value:pass']],
    ['sshd wrong value', { format: 'sshd', key: 'X11Forwarding', value: 'no' }, ['exists:pass', 'value:fail']],
    ['sshd repeated keyword is a list', { format: 'sshd', key: 'Port', value: { contains: '2222' } }, ['exists:pass', 'value:pass']],
    ['sshd unknown keyword', { format: 'sshd', key: 'NoSuchThing', value: 'x' }, ['exists:fail', 'value:skip']],
    ['login.defs: the last setting wins, a number is its text', { format: 'loginDefs', key: 'PASS_MAX_DAYS', value: 90 }, ['exists:pass', 'value:pass']],
    ['login.defs: numeric matcher', { format: 'loginDefs', key: 'PASS_MAX_DAYS', value: { le: 90 } }, ['exists:pass', 'value:pass']],
    ['login.defs keys are case-sensitive', { format: 'loginDefs', key: 'umask' }, ['exists:fail']],
    ['absent as wanted', { format: 'loginDefs', key: 'ENCRYPT_METHOD', exists: false }, ['exists:pass']],
    ['nginx collects every listen', { format: 'nginx', key: 'http.server.listen', value: { contains: '443 ssl' } }, ['exists:pass', 'value:pass']],
    ['ini section.key', { format: 'ini', path: '/etc/php.ini', key: 'PHP.memory_limit', value: { matches: '^\\d+M$' } }, ['exists:pass', 'value:pass']],
    ['a missing tool is an error', { format: 'apache', key: 'Listen', value: '80' }, ['exists:error', 'value:skip']],
    ['a file only root reads is an error', { format: 'keyValue', path: '/root/secret', key: 'K' }, ['exists:error']],
    ['a file that does not exist is the work not done: a fail', { format: 'ini', path: '/nope.ini', key: 'a.b', value: '1' }, ['exists:fail', 'value:skip']],
    ['a file that does not exist, as wanted', { format: 'ini', path: '/nope.ini', key: 'a.b', exists: false }, ['exists:pass']],
    ['an unreadable file is an error', { format: 'ini', path: '/etc/broken.ini', key: 'a.b' }, ['exists:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(configKey, { type: 'configKey', ...check } as never, fakeSystem({ configs }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('cites the file:line that set the value', async () => {
    const { outcomes } = await runOn(configKey, { type: 'configKey', format: 'sshd', key: 'permitrootlogin', value: 'yes' }, fakeSystem({ configs }), regex);
    assert.deepEqual([outcomes[1].path, outcomes[1].line, outcomes[1].actual], ['/etc/ssh/sshd_config.d/10-tssr.conf', 1, 'no']);
    const defs = await runOn(configKey, { type: 'configKey', format: 'loginDefs', key: 'PASS_MAX_DAYS', value: 1 }, fakeSystem({ configs }), regex);
    assert.deepEqual([defs.outcomes[1].path, defs.outcomes[1].line], ['/etc/login.defs', 2]);
  });
  it('names the package of a missing tool and the fix for root', async () => {
    const a = await runOn(configKey, { type: 'configKey', format: 'apache', key: 'Listen' }, fakeSystem({ configs }), regex);
    assert.deepEqual(a.outcomes[0].reason, { code: 'configKey.toolMissing', params: { tool: 'x', package: 'y' } });
    const r = await runOn(configKey, { type: 'configKey', format: 'keyValue', path: '/root/secret', key: 'K' }, fakeSystem({ configs }), regex);
    assert.equal(r.outcomes[0].reason?.code, 'configKey.needsRoot');
  });
});
