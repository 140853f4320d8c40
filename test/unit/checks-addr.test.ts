import assert from 'node:assert/strict';
import { addr, reachWindow, splitHostPort } from '../../agent/src/checks/addr';
import { RegexEngine } from '../../agent/src/matchers/regex';
import type { Reach } from '../../agent/src/system/reach';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('addr check on a fake system', () => {
  const reach: Record<string, Reach> = {
    'tcp 192.168.10.5:22': { kind: 'open' },
    'tcp 192.168.10.5:3306': { kind: 'closed', error: 'ECONNREFUSED' },
    'udp 192.168.10.5:53': { kind: 'open' },
    'udp 192.168.10.5:161': { kind: 'closed', error: 'ECONNREFUSED' },
    'tcp fd00::5:443': { kind: 'open' },
  };
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['an open tcp port', { address: '192.168.10.5:22' }, 'reachable:pass', 'pass'],
    ['a refused tcp port', { address: '192.168.10.5:3306' }, 'reachable:fail', 'addr.closed'],
    ['closed as wanted', { address: '192.168.10.5:3306', reachable: false }, 'reachable:pass', 'pass'],
    ['open but should be closed', { address: '192.168.10.5:22', reachable: false }, 'reachable:fail', 'addr.open'],
    ['a filtered tcp port is unreachable', { address: '192.168.10.9:22' }, 'reachable:fail', 'addr.silent'],
    ['a udp port that replied', { address: '192.168.10.5:53', protocol: 'udp' }, 'reachable:pass', 'pass'],
    ['a udp port without ICMP refusal counts as reachable', { address: '192.168.10.9:514', protocol: 'udp' }, 'reachable:pass', 'pass'],
    ['a udp port refused by ICMP', { address: '192.168.10.5:161', protocol: 'udp' }, 'reachable:fail', 'addr.closed'],
    ['an IPv6 address in brackets', { address: '[fd00::5]:443' }, 'reachable:pass', 'pass'],
    ['port 0 is an error', { address: '192.168.10.5:0' }, 'reachable:error', 'addr.badPort'],
  ];
  for (const [name, check, expected, code] of cases) {
    it(name, async () => {
      const { summary, outcomes } = await runOn(addr, { type: 'addr', ...check } as never, fakeSystem({ reach }), regex);
      assert.deepEqual([summary, outcomes[0].reason?.code], [[expected], code]);
    });
  }
  it('splits host and port, and bounds the probe window by the check budget', () => {
    assert.deepEqual(splitHostPort('[::1]:53'), { host: '::1', port: 53 });
    assert.deepEqual(splitHostPort('srv.tssr.lan:443'), { host: 'srv.tssr.lan', port: 443 });
    assert.deepEqual([reachWindow('tcp', 5000), reachWindow('udp', 5000), reachWindow('udp', 500)], [4000, 1000, 400]);
  });
  it('asks the probe with the window derived from timeoutMs (5 s in runOn)', async () => {
    const system = fakeSystem({ reach });
    await runOn(addr, { type: 'addr', address: '192.168.10.5:53', protocol: 'udp' }, system, regex);
    assert.deepEqual(system.calls, ['reach udp 192.168.10.5:53 1000']);
  });
});
