import assert from 'node:assert/strict';
import { request, results } from '../helpers/agent';
import { createNetns, netnsUnavailable, type TestNetns } from '../helpers/netns';

/**
 * interface and route checks run by the built agent inside a network namespace this test builds with iproute2:
 * two veth pairs (one up with addresses and routes, one down), so the facts come from a real kernel.
 * The kernel here has no `dummy` driver; veth pairs are always built in.
 */
describe('agent interface and route checks in a network namespace', function () {
  const why = netnsUnavailable();
  let ns: TestNetns | undefined;
  before(function () {
    if (why) {
      this.skip();
      return;
    }
    ns = createNetns('net');
    const ip = ns.ip;
    ip('link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'lan1');
    ip('link', 'set', 'lan0', 'mtu', '1400', 'address', '02:00:00:00:77:01');
    ip('addr', 'add', '192.168.77.1/24', 'dev', 'lan0');
    ip('-6', 'addr', 'add', 'fd00:77::1/64', 'dev', 'lan0', 'nodad');
    ip('link', 'set', 'lan0', 'up');
    ip('link', 'set', 'lan1', 'up');
    ip('route', 'add', 'default', 'via', '192.168.77.254', 'dev', 'lan0');
    ip('route', 'add', '10.77.0.0/16', 'via', '192.168.77.2', 'metric', '50');
    ip('-6', 'route', 'add', 'fd00:99::/64', 'via', 'fd00:77::2', 'dev', 'lan0');
    // A second pair left down, with an address: os.networkInterfaces() cannot see it, `ip -j addr` can.
    ip('link', 'add', 'dmz0', 'type', 'veth', 'peer', 'name', 'dmz1');
    ip('addr', 'add', '172.16.5.1/24', 'dev', 'dmz0');
  });
  after(() => ns?.remove());

  async function summary(check: Record<string, unknown>): Promise<string[]> {
    return results(await ns!.runAgent(request([check]))).map((r) => `${r.property}:${r.status}`);
  }

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    [
      'an up interface: state, carrier, mtu, mac',
      { type: 'interface', name: 'lan0', state: 'up', carrier: true, mtu: 1400, mac: '02:00:00:00:77:01' },
      ['exists:pass', 'state:pass', 'carrier:pass', 'mtu:pass', 'mac:pass'],
    ],
    [
      'its addresses, IPv4 and IPv6, with the link-local one',
      {
        type: 'interface',
        name: 'lan0',
        addrs: { allOf: [{ contains: '192.168.77.1/24' }, { contains: 'fd00:77::1/64' }, { contains: { matches: '^fe80::' } }] },
      },
      ['exists:pass', 'addrs:pass'],
    ],
    [
      'a wrong mtu and a missing address fail',
      { type: 'interface', name: 'lan0', mtu: 1500, addrs: { contains: '192.168.77.9/24' } },
      ['exists:pass', 'mtu:fail', 'addrs:fail'],
    ],
    [
      'a down interface still shows its address',
      { type: 'interface', name: 'dmz0', state: 'down', carrier: false, addrs: ['172.16.5.1/24'] },
      ['exists:pass', 'state:pass', 'carrier:pass', 'addrs:pass'],
    ],
    ['a missing interface', { type: 'interface', name: 'eth7', mtu: 1500 }, ['exists:fail', 'mtu:skip']],
    [
      'the default gateway',
      { type: 'route', destination: 'default', gateway: '192.168.77.254', device: 'lan0' },
      ['exists:pass', 'gateway:pass', 'device:pass'],
    ],
    [
      'a static route with its metric',
      { type: 'route', destination: '10.77.0.0/16', gateway: '192.168.77.2', metric: 50 },
      ['exists:pass', 'gateway:pass', 'metric:pass'],
    ],
    [
      'the connected network has no gateway',
      { type: 'route', destination: '192.168.77.0/24', gateway: null, device: 'lan0' },
      ['exists:pass', 'gateway:pass', 'device:pass'],
    ],
    ['an IPv6 route', { type: 'route', destination: 'fd00:99::/64', gateway: 'fd00:77::2', device: 'lan0' }, ['exists:pass', 'gateway:pass', 'device:pass']],
    ['a route that is not there', { type: 'route', destination: '10.88.0.0/16', gateway: '192.168.77.2' }, ['exists:fail', 'gateway:skip']],
    ['no IPv6 default route', { type: 'route', destination: 'default', family: 'ipv6', exists: false }, ['exists:pass']],
  ];
  for (const [name, check, expected] of cases) it(name, async () => assert.deepEqual(await summary(check), expected));

  it('the host namespace does not see these interfaces (the agent really ran inside)', async () => {
    const { runAgent } = await import('../helpers/agent');
    const rs = results(await runAgent(request([{ type: 'interface', name: 'lan0', exists: false }])));
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['exists:pass'],
    );
  });
});
