import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createSecureContext, createServer, type Server } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCert as makeCertFiles } from '../helpers/certs';
import { runAgent, request, results } from '../helpers/agent';

/** A self-signed certificate made by openssl, as a TSSR learner makes one for an intranet. */
function makeCert(dir: string, name: string, days: number, san: string): void {
  makeCertFiles(dir, name, { subject: `/O=TSSR/CN=${name}`, days, san });
}

describe('agent tlsCert check on real certificates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-cert-'));
  let server: Server | undefined;
  let address = '';
  before(async () => {
    makeCert(dir, 'intranet.tssr.lan', 365, 'DNS:intranet.tssr.lan,DNS:www.tssr.lan,IP:127.0.0.1');
    makeCert(dir, 'old.tssr.lan', 10, 'DNS:old.tssr.lan');
    writeFileSync(join(dir, 'garbage.pem'), 'not a certificate\n');
    const context = (name: string) => createSecureContext({ key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.pem`)) });
    // Two sites on one port, told apart by SNI, as name-based virtual hosts are.
    server = createServer(
      {
        key: readFileSync(join(dir, 'intranet.tssr.lan.key')),
        cert: readFileSync(join(dir, 'intranet.tssr.lan.pem')),
        SNICallback: (servername, cb) => cb(null, context(servername === 'old.tssr.lan' ? 'old.tssr.lan' : 'intranet.tssr.lan')),
      },
      (s) => s.end(),
    );
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  const pem = (name: string): string => join(dir, `${name}.pem`);
  const key = (name: string): string => join(dir, `${name}.key`);
  const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
    [
      'subject, issuer, SAN of a file',
      () => ({
        path: pem('intranet.tssr.lan'),
        subject: 'intranet.tssr.lan',
        issuer: 'intranet.tssr.lan',
        san: ['www.tssr.lan', '127.0.0.1', 'intranet.tssr.lan'],
      }),
      ['subject:pass', 'issuer:pass', 'san:pass'],
    ],
    [
      'expiry, validity and self-signature',
      () => ({ path: pem('intranet.tssr.lan'), expiresInDays: { gt: 360 }, valid: true, selfSigned: true }),
      ['expiresInDays:pass', 'valid:pass', 'selfSigned:pass'],
    ],
    ['a certificate expiring within 30 days', () => ({ path: pem('old.tssr.lan'), expiresInDays: { gt: 30 } }), ['expiresInDays:fail']],
    ['its own key matches', () => ({ path: pem('intranet.tssr.lan'), keyMatches: key('intranet.tssr.lan') }), ['keyMatches:pass']],
    ["another certificate's key does not", () => ({ path: pem('intranet.tssr.lan'), keyMatches: key('old.tssr.lan') }), ['keyMatches:fail']],
    ['a file that is no certificate', () => ({ path: join(dir, 'garbage.pem'), subject: 'x' }), ['certificate:fail', 'subject:skip']],
    ['a missing file', () => ({ path: join(dir, 'none.pem') }), ['certificate:fail']],
    [
      'a remote endpoint, with SNI',
      () => ({
        address,
        serverName: 'intranet.tssr.lan',
        subject: 'intranet.tssr.lan',
        san: { contains: 'www.tssr.lan' },
        keyMatches: key('intranet.tssr.lan'),
      }),
      ['subject:pass', 'san:pass', 'keyMatches:pass'],
    ],
    [
      'SNI picks the other site on the same port',
      () => ({ address, serverName: 'old.tssr.lan', subject: 'old.tssr.lan', expiresInDays: { lt: 30 } }),
      ['subject:pass', 'expiresInDays:pass'],
    ],
    ['a self-signed endpoint is not trusted by the system', () => ({ address, trusted: false }), ['trusted:pass']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const rs = results(await runAgent(request([{ type: 'tlsCert', timeoutMs: 5000, ...check() }])));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        expected,
      );
    });
  }
  it('no TLS on a closed port fails with the network error', async () => {
    const rs = results(await runAgent(request([{ type: 'tlsCert', address: '127.0.0.1:1', subject: 'x' }])));
    assert.deepEqual(
      [rs[0].property, rs[0].status, rs[0].reason.code, rs[0].actual],
      ['certificate', 'fail', 'tlsCert.noHandshake', { error: 'ECONNREFUSED' }],
    );
  });
});
