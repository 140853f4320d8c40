import assert from 'node:assert/strict';
import { matchText } from '../../agent/src/matchers/text';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { createSystem } from '../../agent/src/system';
import type { CheckContext } from '../../agent/src/context';
import { parseProcNet } from '../../agent/src/system/proc-net';

describe('agent text matchers (Goss semantics)', () => {
  const regex = new RegexEngine();
  after(() => regex.dispose());
  const ctx: CheckContext = { cwd: '/', signal: new AbortController().signal, timeoutMs: 1000, report: () => undefined, regex, system: createSystem() };
  const text = 'Port 22\n#PermitRootLogin yes\nPermitRootLogin no\n';
  const cases: Array<[string, unknown, boolean, number | undefined]> = [
    ['string means contains', 'PermitRootLogin no', true, 3],
    ['contains is line-based for the evidence', { contains: 'Port 22' }, true, 1],
    ['matches is a regex per line', { matches: '^PermitRootLogin no$' }, true, 3],
    ['matches misses', { matches: '^PermitRootLogin yes$' }, false, undefined],
    ['notContains fails on the offending line', { notContains: 'yes' }, false, 2],
    ['notMatches passes', { notMatches: '^PasswordAuthentication' }, true, undefined],
    ['equals ignores one final newline', { equals: 'Port 22\n#PermitRootLogin yes\nPermitRootLogin no' }, true, undefined],
  ];
  for (const [name, m, ok, line] of cases) {
    it(name, async () => {
      const r = await matchText(ctx, { text }, m as never);
      assert.equal(r.status === 'pass', ok);
      assert.equal(r.line, line);
    });
  }
});

describe('/proc/net parsing', () => {
  it('reads tcp LISTEN sockets over IPv4 and IPv6', () => {
    const v4 = '  sl  local_address rem_address   st\n   0: 0100007F:0016 00000000:0000 0A 00000000\n   1: 0100007F:1F90 0100007F:D431 01 00000000\n';
    assert.deepEqual(parseProcNet(v4, 'tcp', false), [{ protocol: 'tcp', ip: '127.0.0.1', port: 22 }]);
    const v6 =
      'header\n   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 0\n   1: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 0\n';
    assert.deepEqual(
      parseProcNet(v6, 'tcp', true).map((l) => `${l.ip}:${l.port}`),
      [':::80', '::1:631'],
    );
  });
  it('reads udp sockets in state 07', () => {
    const udp = 'h\n  1: 00000000:0202 00000000:0000 07 0\n  2: 00000000:0203 00000000:0000 01 0\n';
    assert.deepEqual(parseProcNet(udp, 'udp', false), [{ protocol: 'udp', ip: '0.0.0.0', port: 514 }]);
  });
});
