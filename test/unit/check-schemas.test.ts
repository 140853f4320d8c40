import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_SCHEMAS } from '../../extension/src/core/check-schemas';
import { validate } from '../../extension/src/core/schemas';
import { ROOT } from '../helpers/paths';

/** A check inside the smallest valid exercise, validated as a pack author's file would be. */
function checkErrors(check: unknown): number {
  const exercise = {
    id: 'x',
    title: 'x',
    competences: ['CCS1'],
    solution: { apply: 'apply.sh' },
    criteria: [{ id: 'c', title: 't', referentiel: 'CCS1.1', points: 1, hint: 'h', checks: [check] }],
  };
  return validate('exercise.schema.json', exercise).length;
}

describe('one schema file per check type', () => {
  it('every file of schemas/checks/ is known to the client', () => {
    const files = readdirSync(join(ROOT, 'schemas/checks'))
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => `checks/${f}`)
      .sort();
    assert.deepEqual(CHECK_SCHEMAS.map((s) => s.$id).sort(), files);
  });

  const cases: Array<[string, unknown, boolean]> = [
    ['group', { type: 'group', name: 'sudo', gid: 27, members: ['alice'] }, true],
    ['process', { type: 'process', comm: 'sshd', user: 'root', args: [{ contains: '-D' }] }, true],
    ['kernelParam with an integer', { type: 'kernelParam', key: 'net.ipv4.ip_forward', value: 1 }, true],
    ['kernelParam key leaving /proc/sys', { type: 'kernelParam', key: 'net/../../etc', value: 1 }, false],
    ['kernelParam without value', { type: 'kernelParam', key: 'net.ipv4.ip_forward' }, false],
    [
      'http',
      {
        type: 'http',
        url: 'https://127.0.0.1/',
        method: 'POST',
        requestHeaders: { a: 'b' },
        requestBody: 'x',
        status: 201,
        body: ['ok'],
        headers: [{ matches: '^server' }],
        allowInsecure: true,
        noFollowRedirects: true,
      },
      true,
    ],
    ['http to ftp', { type: 'http', url: 'ftp://h/' }, false],
    ['http with a status out of range', { type: 'http', url: 'http://h/', status: 99 }, false],
    ['service', { type: 'service', name: 'ssh', running: true, enabled: true, masked: false, activeSince: 5 }, true],
    ['service name read as an option', { type: 'service', name: '--all' }, false],
    ['service with an unknown property', { type: 'service', name: 'ssh', state: 'up' }, false],
    [
      'firewall',
      {
        type: 'firewall',
        backend: 'nft',
        policy: { input: 'drop' },
        allows: [{ port: 22, source: '10.0.0.0/8' }],
        denies: [{ port: 53, protocol: 'udp' }],
        nat: [{ outInterface: 'eth0' }],
        forwards: [{ port: 8080, to: '10.0.0.2:80' }],
      },
      true,
    ],
    ['firewall policy with a matcher', { type: 'firewall', policy: { forward: { oneOf: ['drop', 'reject'] } } }, true],
    ['firewall port out of range', { type: 'firewall', allows: [{ port: 70000 }] }, false],
    ['firewall unknown policy', { type: 'firewall', policy: { input: 'deny' } }, false],
    [
      'snmp v3 walk',
      { type: 'snmp', version: '3', user: 'sup', authPassword: 'authauth', privPassword: 'privpriv', oid: '1.3.6.1.2.1.2.2.1.2', walk: { contains: 'eth0' } },
      true,
    ],
    ['snmp with a named OID', { type: 'snmp', oid: 'sysName.0' }, false],
    ['snmp with a short passphrase', { type: 'snmp', version: '3', user: 'u', authPassword: 'short', oid: '1.3.6.1' }, false],
    ['ldap', { type: 'ldap', base: 'dc=tssr,dc=lab', filter: '(uid=alice)', attributes: { mail: { contains: '@' } }, memberOf: ['compta'] }, true],
    ['ldap filter read as an option', { type: 'ldap', base: 'dc=x', filter: '-x' }, false],
    ['sql', { type: 'sql', engine: 'postgresql', query: 'SELECT 1', value: 1, rows: [{ n: { gt: 0 } }] }, true],
    ['sql without engine', { type: 'sql', query: 'SELECT 1' }, false],
    ['sql user read as an option', { type: 'sql', engine: 'mysql', user: '--help', query: 'SELECT 1' }, false],
    ['an existing file check is unchanged', { type: 'file', path: '/etc/passwd', mode: '0644', contents: ['root'] }, true],
  ];
  for (const [name, check, ok] of cases) it(`${name} → ${ok ? 'valid' : 'invalid'}`, () => assert.equal(checkErrors(check) === 0, ok));
});
