import assert from 'node:assert/strict';
import { parseSshConfig } from '../../extension/src/features/targets/ssh-config';

describe('~/.ssh/config Host aliases offered by the Cibles view', () => {
  const cases: Array<[name: string, text: string, expected: ReturnType<typeof parseSshConfig>]> = [
    [
      'an alias with every field',
      'Host vm1\n  HostName 192.168.56.10\n  User stagiaire\n  Port 2222\n  IdentityFile ~/.ssh/id_tssr\n',
      [{ alias: 'vm1', hostName: '192.168.56.10', user: 'stagiaire', port: 2222, identityFile: '/home/u/.ssh/id_tssr' }],
    ],
    ['an alias alone is its own host name', 'Host srv-debian\n', [{ alias: 'srv-debian', hostName: 'srv-debian', port: 22 }]],
    ['wildcards and negations are not targets', 'Host *\n  User root\nHost !bastion web-?\n', []],
    [
      'several aliases share a block; the first value wins, as in OpenSSH',
      'Host a b\n  User one\n  User two\n  Hostname=10.0.0.1\n',
      [
        { alias: 'a', hostName: '10.0.0.1', user: 'one', port: 22 },
        { alias: 'b', hostName: '10.0.0.1', user: 'one', port: 22 },
      ],
    ],
    ['comments and Match blocks are skipped', '# Host old\nMatch host x\n  User y\nHost z # the lab VM\n', [{ alias: 'z', hostName: 'z', port: 22 }]],
    ['a repeated alias is listed once', 'Host dup\n  User a\nHost dup\n  User b\n', [{ alias: 'dup', hostName: 'dup', user: 'a', port: 22 }]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      assert.deepEqual(parseSshConfig(text, '/home/u'), expected);
    });
  }
});
