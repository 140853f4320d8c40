import assert from 'node:assert/strict';
import { route, routeKey } from '../../agent/src/checks/route';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parseRoute4, parseRoute6, type Route } from '../../agent/src/system/routes';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

/** A /proc/net/route as Linux writes it on x86 (words in little-endian order). */
const PROC_ROUTE = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'ens18\t00000000\tFE0AA8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
  'ens19\t00000000\t010014AC\t0003\t0\t0\t200\t00000000\t0\t0\t0',
  'ens18\t000AA8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0',
  'ens19\t0014A8C0\t0A0AA8C0\t0003\t0\t0\t0\t00FFFFFF\t0\t0\t0',
  'lo\t0000000A\t00000000\t0201\t0\t0\t0\t000000FF\t0\t0\t0',
].join('\n');

const PROC_ROUTE6 = [
  'fd000000000000200000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 ens18',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 ens18',
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo',
  'fd000000000000200000000000000005 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001 ens18',
].join('\n');

describe('routes from /proc/net', () => {
  it('parses IPv4 routes, skipping reject routes', () => {
    assert.deepEqual(parseRoute4(PROC_ROUTE), [
      { family: 'ipv4', destination: '0.0.0.0/0', gateway: '192.168.10.254', device: 'ens18', metric: 100 },
      { family: 'ipv4', destination: '0.0.0.0/0', gateway: '172.20.0.1', device: 'ens19', metric: 200 },
      { family: 'ipv4', destination: '192.168.10.0/24', gateway: null, device: 'ens18', metric: 100 },
      { family: 'ipv4', destination: '192.168.20.0/24', gateway: '192.168.10.10', device: 'ens19', metric: 0 },
    ]);
  });
  it('parses IPv6 routes, skipping the unreachable and local ones', () => {
    assert.deepEqual(parseRoute6(PROC_ROUTE6), [
      { family: 'ipv6', destination: 'fd00:0:0:20::/64', gateway: null, device: 'ens18', metric: 256 },
      { family: 'ipv6', destination: '::/0', gateway: 'fe80::1', device: 'ens18', metric: 1024 },
    ]);
  });
  it('canonicalises destinations as written in packs', () => {
    assert.equal(routeKey('default', 'ipv4'), '0.0.0.0/0');
    assert.equal(routeKey('default', 'ipv6'), '::/0');
    assert.equal(routeKey('192.168.20.7/24', 'ipv4'), '192.168.20.0/24');
    assert.equal(routeKey('10.0.0.7', 'ipv4'), '10.0.0.7/32');
    assert.equal(routeKey('FD00:0:0:20:0::/64', 'ipv6'), 'fd00:0:0:20::/64');
    for (const bad of ['300.1.1.1/24', '10.0.0.0/33', 'fd00::/64']) assert.equal(routeKey(bad, 'ipv4'), undefined, bad);
  });
});

describe('route check on a fake system', () => {
  const routes: Route[] = [...parseRoute4(PROC_ROUTE), ...parseRoute6(PROC_ROUTE6)];
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    [
      'the default gateway, lowest metric first',
      { destination: 'default', gateway: '192.168.10.254', device: 'ens18', metric: 100 },
      ['exists:pass', 'gateway:pass', 'device:pass', 'metric:pass'],
    ],
    ['a wrong default gateway', { destination: 'default', gateway: '172.20.0.1' }, ['exists:pass', 'gateway:fail']],
    ['a connected network has no gateway', { destination: '192.168.10.0/24', gateway: null, device: 'ens18' }, ['exists:pass', 'gateway:pass', 'device:pass']],
    [
      'a static route through a router',
      { destination: '192.168.20.0/24', gateway: { oneOf: ['192.168.10.10', '192.168.10.11'] } },
      ['exists:pass', 'gateway:pass'],
    ],
    ['a missing route skips the rest', { destination: '192.168.30.0/24', gateway: '192.168.10.10' }, ['exists:fail', 'gateway:skip']],
    ['absent as wanted', { destination: '192.168.30.0/24', exists: false }, ['exists:pass']],
    ['the IPv6 default', { destination: 'default', family: 'ipv6', gateway: 'fe80::1' }, ['exists:pass', 'gateway:pass']],
    ['an IPv6 network', { destination: 'fd00:0:0:20::/64', device: 'ens18' }, ['exists:pass', 'device:pass']],
    ['an invalid destination is an error', { destination: '192.168.1.0/40' }, ['exists:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(route, { type: 'route', ...check } as never, fakeSystem({ routes }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('an unreadable table is an error on every property', async () => {
    const { summary, outcomes } = await runOn(
      route,
      { type: 'route', destination: 'default', gateway: 'x' },
      fakeSystem({ routes: () => Promise.reject(Object.assign(new Error('no'), { code: 'EACCES' })) }),
      regex,
    );
    assert.deepEqual(summary, ['exists:error', 'gateway:error']);
    assert.deepEqual(outcomes[0].reason, { code: 'route.unreadable', params: { path: '/proc/net/route', error: 'EACCES' } });
  });
});
