import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results } from '../helpers/agent';

const NAMED = '/usr/sbin/named';

const ZONE = `$TTL 300
@ IN SOA ns1.tssr.lan. admin.tssr.lan. (1 3600 600 86400 300)
@ IN NS ns1.tssr.lan.
@ IN MX 10 mail.tssr.lan.
@ IN MX 20 mail2.tssr.lan.
@ IN TXT "v=spf1 mx -all"
ns1 IN A 127.0.0.1
www IN A 192.168.10.20
www IN A 192.168.10.21
www IN AAAA fd00::20
mail IN A 192.168.10.25
intranet IN CNAME www
_ldap._tcp IN SRV 0 100 389 dc1.tssr.lan.
dc1 IN A 192.168.10.10
`;
const REVERSE = `$TTL 300
@ IN SOA ns1.tssr.lan. admin.tssr.lan. (1 3600 600 86400 300)
@ IN NS ns1.tssr.lan.
20 IN PTR www.tssr.lan.
`;

/** A loopback port free for both tcp and udp a moment ago. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** BIND 9 in the foreground on 127.0.0.1:port, serving tssr.lan and its reverse zone; resolves once it logs `running`. */
async function startNamed(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-named-'));
  writeFileSync(join(dir, 'tssr.lan.zone'), ZONE);
  writeFileSync(join(dir, 'reverse.zone'), REVERSE);
  writeFileSync(
    join(dir, 'named.conf'),
    `options {
  directory "${dir}"; pid-file "${dir}/named.pid"; session-keyfile "${dir}/session.key"; managed-keys-directory "${dir}";
  listen-on port ${port} { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; allow-query { any; };
};
zone "tssr.lan" { type primary; file "${dir}/tssr.lan.zone"; };
zone "10.168.192.in-addr.arpa" { type primary; file "${dir}/reverse.zone"; };
`,
  );
  const named = spawn(NAMED, ['-g', '-4', '-c', join(dir, 'named.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    named.stderr!.on('data', (d) => {
      log += d;
      if (/\brunning\b/.test(log)) resolve();
    });
    named.once('exit', (code) => reject(new Error(`named exited (${code}):\n${log}`)));
  });
  named.removeAllListeners('exit');
  return named;
}

describe('agent dns check against a real BIND 9 on loopback', function () {
  let named: ChildProcess | undefined;
  let server = '';
  before(async function () {
    // .ci/run installs bind9; a machine without it cannot run these cases.
    if (!existsSync(NAMED)) {
      this.skip();
      return;
    }
    const port = await freePort();
    named = await startNamed(port);
    server = `127.0.0.1:${port}`;
  });
  after(() => {
    named?.kill();
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['A, in any order', { name: 'www.tssr.lan', addrs: ['192.168.10.21', '192.168.10.20'] }, ['resolvable:pass', 'addrs:pass']],
    ['A through a CNAME', { name: 'intranet.tssr.lan', addrs: { contains: '192.168.10.20' } }, ['resolvable:pass', 'addrs:pass']],
    ['a wrong A record', { name: 'mail.tssr.lan', addrs: ['192.168.10.26'] }, ['resolvable:pass', 'addrs:fail']],
    ['AAAA', { name: 'www.tssr.lan', recordType: 'AAAA', addrs: ['fd00::20'] }, ['resolvable:pass', 'addrs:pass']],
    ['MX', { name: 'tssr.lan', recordType: 'MX', values: ['20 mail2.tssr.lan', '10 mail.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['CNAME', { name: 'intranet.tssr.lan', recordType: 'CNAME', values: ['www.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['PTR of an address', { name: '192.168.10.20', recordType: 'PTR', values: ['www.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['NS', { name: 'tssr.lan', recordType: 'NS', values: ['ns1.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['TXT', { name: 'tssr.lan', recordType: 'TXT', values: [{ matches: '^v=spf1 mx' }] }, ['resolvable:pass', 'values:pass']],
    ['SRV', { name: '_ldap._tcp.tssr.lan', recordType: 'SRV', values: ['0 100 389 dc1.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['an unknown name (NXDOMAIN)', { name: 'ftp.tssr.lan', addrs: ['192.168.10.30'] }, ['resolvable:fail', 'addrs:skip']],
    ['a name without this type (NODATA), as wanted', { name: 'mail.tssr.lan', recordType: 'AAAA', resolvable: false }, ['resolvable:pass']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const rs = results(await runAgent(request([{ type: 'dns', server, timeoutMs: 5000, ...check }])));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        expected,
      );
    });
  }
  it('a server that does not answer fails, even for resolvable: false', async () => {
    const rs = results(
      await runAgent(request([{ type: 'dns', name: 'ftp.tssr.lan', server: `127.0.0.1:${await freePort()}`, resolvable: false, tries: 1, timeoutMs: 2000 }])),
    );
    assert.deepEqual([rs[0].status, rs[0].reason.code], ['fail', 'dns.noReply']);
  });
});
