import assert from 'node:assert/strict';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo } from 'node:net';
import { runAgent, request, results } from '../helpers/agent';

/** A loopback port that was just free: bound, noted, released. */
async function closedTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function closedUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('agent addr check against loopback listeners', () => {
  const tcp = createServer((c) => c.end());
  let udp: UdpSocket;
  let ports: Record<string, number> = {};
  before(async () => {
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
    udp = createSocket('udp4');
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
    ports = { tcp: (tcp.address() as AddressInfo).port, udp: udp.address().port, closedTcp: await closedTcpPort(), closedUdp: await closedUdpPort() };
  });
  after(() => {
    tcp.close();
    udp.close();
  });

  const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
    ['a listening tcp port', () => ({ address: `127.0.0.1:${ports.tcp}` }), 'pass', 'pass'],
    ['a closed tcp port is refused', () => ({ address: `127.0.0.1:${ports.closedTcp}` }), 'fail', 'addr.closed'],
    ['closed as wanted', () => ({ address: `127.0.0.1:${ports.closedTcp}`, reachable: false }), 'pass', 'pass'],
    ['open but should be closed', () => ({ address: `localhost:${ports.tcp}`, reachable: false }), 'fail', 'addr.open'],
    ['a bound udp port gives no ICMP refusal', () => ({ address: `127.0.0.1:${ports.udp}`, protocol: 'udp' }), 'pass', 'pass'],
    ['a closed udp port is refused by ICMP', () => ({ address: `127.0.0.1:${ports.closedUdp}`, protocol: 'udp' }), 'fail', 'addr.closed'],
    ['a closed udp port, as wanted', () => ({ address: `127.0.0.1:${ports.closedUdp}`, protocol: 'udp', reachable: false }), 'pass', 'pass'],
  ];
  for (const [name, check, status, code] of cases) {
    it(name, async () => {
      const rs = results(await runAgent(request([{ type: 'addr', timeoutMs: 3000, ...check() }])));
      assert.deepEqual(
        rs.map((r) => [r.property, r.status, r.reason?.code]),
        [['reachable', status, code]],
      );
    });
  }
  it('the refusal says which error as data', async () => {
    const rs = results(await runAgent(request([{ type: 'addr', address: `127.0.0.1:${ports.closedTcp}` }])));
    assert.deepEqual(rs[0].reason.params, { address: `127.0.0.1:${ports.closedTcp}`, protocol: 'tcp', windowMs: 24_000, error: 'ECONNREFUSED' });
  });
});
