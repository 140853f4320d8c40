import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('network check schemas', () => {
  for (const type of ['interface', 'addr', 'route', 'dns', 'tlsCert', 'http']) {
    it(`${type}: every example is a valid check`, () => {
      const schema = JSON.parse(readFileSync(join(ROOT, `schemas/checks/${type}.schema.json`), 'utf8')) as { examples?: unknown[] };
      assert.ok(schema.examples?.length);
      for (const example of schema.examples ?? []) assert.equal(checkErrors(example), 0, JSON.stringify(example));
    });
  }
  const cases: Array<[string, unknown, boolean]> = [
    ['interface with exact addresses', { type: 'interface', name: 'eth0', addrs: ['10.0.0.1/8', 'fe80::1/64'] }, true],
    ['interface address without prefix', { type: 'interface', name: 'eth0', addrs: ['10.0.0.1'] }, false],
    ['interface state other than up/down', { type: 'interface', name: 'eth0', state: 'UP' }, false],
    ['interface name with a slash', { type: 'interface', name: '../x' }, false],
    ['addr udp', { type: 'addr', address: '127.0.0.1:514', protocol: 'udp' }, true],
    ['addr without a port', { type: 'addr', address: '127.0.0.1' }, false],
    ['route with a null gateway', { type: 'route', destination: '192.168.10.0/24', gateway: null }, true],
    ['route to a name', { type: 'route', destination: 'gateway.lan' }, false],
    [
      'dns SRV on a server with a port',
      { type: 'dns', name: '_ldap._tcp.tssr.lan', recordType: 'SRV', server: '127.0.0.1:5353', values: { length: { gt: 0 } } },
      true,
    ],
    ['dns of an unknown record type', { type: 'dns', name: 'x', recordType: 'SOA' }, false],
    ['dns server by name', { type: 'dns', name: 'x', server: 'ns1.tssr.lan' }, false],
    ['tlsCert needs a path or an address', { type: 'tlsCert', subject: 'x' }, false],
    ['tlsCert with both', { type: 'tlsCert', path: '/a.pem', address: 'h:443' }, false],
    ['http status matcher and maxRedirects', { type: 'http', url: 'http://h/', status: { oneOf: [200, 301] }, maxRedirects: 2 }, true],
    ['http caFile relative', { type: 'http', url: 'https://h/', caFile: 'ca.pem' }, false],
    ['an old http check is unchanged', { type: 'http', url: 'http://h/', status: 404, noFollowRedirects: true }, true],
  ];
  for (const [name, check, ok] of cases) it(`${name} → ${ok ? 'valid' : 'invalid'}`, () => assert.equal(checkErrors(check) === 0, ok));
});

describe('network check reasons in the catalogue', () => {
  it('every reason code the network checks send is worded in French and English', async () => {
    const { reasons } = await import('../../extension/src/core/i18n/reasons');
    const sources = ['interface', 'addr', 'route', 'dns', 'tlsCert', 'http']
      .map((t) => readFileSync(join(ROOT, `agent/src/checks/${t}.ts`), 'utf8'))
      .join('\n');
    // Every quoted `<type>.<code>` literal, wherever it is chosen (ternaries included).
    const codes = [...new Set([...sources.matchAll(/'((?:interface|addr|route|dns|tlsCert|http)\.[a-zA-Z]+)'/g)].map((m) => m[1]))];
    assert.ok(codes.length > 20, codes.join(' '));
    for (const code of codes) assert.ok(reasons[code]?.fr && reasons[code]?.en, `no catalogue entry for ${code}`);
  });
});
