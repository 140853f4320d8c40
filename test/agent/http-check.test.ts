import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCert } from '../helpers/certs';
import { runAgent, runAgentVia, request, results } from '../helpers/agent';
import { renderReason } from '../../extension/src/core/i18n/reasons';

/** A loopback web server with the routes the cases need. */
function routes(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (d) => {
    body += d;
  });
  req.on('end', () => {
    const path = req.url ?? '/';
    if (path === '/') {
      res.setHeader('server', 'tssr-test');
      res.end('<h1>Bienvenue TSSR</h1>\n');
      return;
    }
    if (path === '/moved') {
      res.statusCode = 302;
      res.setHeader('location', '/');
      res.end();
      return;
    }
    if (path === '/loop') {
      res.statusCode = 301;
      res.setHeader('location', '/loop');
      res.end();
      return;
    }
    if (path === '/echo') {
      res.end(`${req.method} ${req.headers['x-tssr'] ?? '-'} ${body} auth=${req.headers.authorization ?? '-'}`);
      return;
    }
    // Same server under another host name: a redirect there must not carry the credentials.
    if (path === '/elsewhere') {
      res.statusCode = 307;
      res.setHeader('location', `http://localhost:${req.socket.localPort}/echo`);
      res.end();
      return;
    }
    if (path === '/big') {
      res.end('x'.repeat(2 * 1024 * 1024) + 'tail');
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
}

async function summary(check: Record<string, unknown>): Promise<string[]> {
  return results(await runAgent(request([{ type: 'http', ...check }]))).map((r) => `${r.property}:${r.status}`);
}

describe('agent http check against a loopback server', () => {
  const server = createServer(routes);
  let base = '';
  let tls: ReturnType<typeof createTlsServer> | undefined;
  let tlsBase = '';
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'tssr-tls-'));
    const local = makeCert(dir, 'local', { subject: '/CN=127.0.0.1' });
    tls = createTlsServer({ key: readFileSync(local.key), cert: readFileSync(local.cert) }, routes);
    await new Promise<void>((r) => tls!.listen(0, '127.0.0.1', () => r()));
    tlsBase = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    // An intranet certificate named for its host only: trusted through caFile, matched through serverName.
    const named = makeCert(dir, 'intranet', { subject: '/CN=intranet.tssr.lan', san: 'DNS:intranet.tssr.lan' });
    caFile = named.cert;
    intranet = createTlsServer({ key: readFileSync(named.key), cert: readFileSync(caFile) }, routes);
    await new Promise<void>((r) => intranet!.listen(0, '127.0.0.1', () => r()));
    intranetBase = `https://127.0.0.1:${(intranet.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    tls?.close();
    intranet?.close();
  });
  let intranet: ReturnType<typeof createTlsServer> | undefined;
  let intranetBase = '';
  let caFile = '';

  const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
    [
      'status, headers and body',
      () => ({ url: `${base}/`, headers: [{ matches: '^server: tssr-test$' }], body: ['Bienvenue', { notContains: 'Apache' }] }),
      ['status:pass', 'headers[0]:pass', 'body[0]:pass', 'body[1]:pass'],
    ],
    ['a 404', () => ({ url: `${base}/nope`, body: ['Bienvenue'] }), ['status:fail', 'body[0]:fail']],
    ['an expected 404', () => ({ url: `${base}/nope`, status: 404 }), ['status:pass']],
    ['a redirect is followed', () => ({ url: `${base}/moved`, body: ['Bienvenue'] }), ['status:pass', 'body[0]:pass']],
    ['noFollowRedirects reports the 302', () => ({ url: `${base}/moved`, status: 302, noFollowRedirects: true }), ['status:pass']],
    ['a redirect loop fails', () => ({ url: `${base}/loop` }), ['status:fail']],
    [
      'method, request headers and body are sent',
      () => ({ url: `${base}/echo`, method: 'PUT', requestHeaders: { 'x-tssr': 'yes' }, requestBody: 'payload', body: [{ equals: 'PUT yes payload auth=-' }] }),
      ['status:pass', 'body[0]:pass'],
    ],
    [
      'a 307 keeps the method and body but drops the credentials for another host',
      () => ({
        url: `${base}/elsewhere`,
        method: 'POST',
        requestHeaders: { authorization: 'Basic eDp5', 'x-tssr': 'kept' },
        requestBody: 'b',
        body: [{ equals: 'POST kept b auth=-' }],
      }),
      ['status:pass', 'body[0]:pass'],
    ],
    [
      'a body past 1 MiB is cut: an absence is an error, a presence still passes',
      () => ({ url: `${base}/big`, body: [{ notContains: 'tail' }, 'xxxx'] }),
      ['status:pass', 'body[0]:error', 'body[1]:pass'],
    ],
    ['a self-signed certificate fails without allowInsecure', () => ({ url: `${tlsBase}/`, body: ['x'] }), ['status:fail', 'body[0]:skip']],
    [
      'caFile and serverName trust an intranet certificate',
      () => ({ url: `${intranetBase}/`, caFile, serverName: 'intranet.tssr.lan', body: ['Bienvenue'] }),
      ['status:pass', 'body[0]:pass'],
    ],
    ['caFile alone: the certificate does not name 127.0.0.1', () => ({ url: `${intranetBase}/`, caFile }), ['status:fail']],
    ['the system CAs do not know the intranet CA', () => ({ url: `${intranetBase}/`, serverName: 'intranet.tssr.lan' }), ['status:fail']],
    ['maxRedirects 0 reports the 302', () => ({ url: `${base}/moved`, maxRedirects: 0, status: 302 }), ['status:pass']],
    [
      'redirects and finalUrl after one redirect',
      () => ({ url: `${base}/moved`, redirects: 1, finalUrl: { matches: '/$' } }),
      ['status:pass', 'redirects:pass', 'finalUrl:pass'],
    ],
    ['a status matcher', () => ({ url: `${base}/nope`, status: { ge: 400 } }), ['status:pass']],
    [
      'basic authentication is sent',
      () => ({ url: `${base}/echo`, username: 'alice', password: 'tssr', body: [`auth=Basic ${Buffer.from('alice:tssr').toString('base64')}`] }),
      ['status:pass', 'body[0]:pass'],
    ],
    ['allowInsecure accepts it', () => ({ url: `${tlsBase}/`, allowInsecure: true, body: ['Bienvenue'] }), ['status:pass', 'body[0]:pass']],
  ];
  for (const [name, check, expected] of cases) it(name, async () => assert.deepEqual(await summary(check()), expected));

  it('a closed port fails the status with the network error as actual value', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const rs = results(await runAgent(request([{ type: 'http', url: `http://127.0.0.1:${port}/` }], { lang: 'fr' })));
    assert.deepEqual([rs[0].status, rs[0].actual, rs[0].reason.code], ['fail', { error: 'ECONNREFUSED' }, 'http.noResponse']);
    assert.match(renderReason('fr', rs[0].reason), /pas de réponse HTTP/);
  });
  it('an agent started with NODE_EXTRA_CA_CERTS moved aside (as its launchers start it) still trusts that CA', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TSSR_LAB_EXTRA_CA_CERTS: caFile };
    delete env.NODE_EXTRA_CA_CERTS;
    const rs = results(
      await runAgentVia([], request([{ type: 'http', url: `${intranetBase}/`, serverName: 'intranet.tssr.lan', body: ['Bienvenue'] }]), 30_000, env),
    );
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['status:pass', 'body[0]:pass'],
    );
  });
  const reasons: Array<[string, () => Record<string, unknown>, string]> = [
    ['a redirect loop past maxRedirects', () => ({ url: `${base}/loop`, maxRedirects: 2 }), 'http.tooManyRedirects'],
    ['a self-signed certificate says how to accept it', () => ({ url: `${tlsBase}/` }), 'http.untrustedCert'],
    ['a missing CA file', () => ({ url: `${intranetBase}/`, caFile: '/nonexistent/ca.pem' }), 'http.caFileUnreadable'],
  ];
  for (const [name, check, code] of reasons) {
    it(name, async () => {
      const rs = results(await runAgent(request([{ type: 'http', ...check() }])));
      assert.deepEqual([rs[0].status, rs[0].reason.code], ['fail', code]);
    });
  }
});
