import assert from 'node:assert/strict';
import { dns } from '../../agent/src/checks/dns';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { formatAnswers, type DnsOutcome, type DnsQuery } from '../../agent/src/system/dns-client';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

/** A zone as the fake server knows it, by `TYPE name`. */
const ZONE: Record<string, string[]> = {
  'A www.tssr.lan': ['192.168.10.20', '192.168.10.21'],
  'AAAA www.tssr.lan': ['fd00::20'],
  'MX tssr.lan': ['10 mail.tssr.lan', '20 mail2.tssr.lan'],
  'CNAME intranet.tssr.lan': ['www.tssr.lan'],
  'PTR 192.168.10.20': ['www.tssr.lan'],
  'NS tssr.lan': ['ns1.tssr.lan'],
  'TXT tssr.lan': ['v=spf1 mx -all'],
  'SRV _ldap._tcp.tssr.lan': ['0 100 389 dc1.tssr.lan'],
};

function server(q: DnsQuery): DnsOutcome {
  if (q.server === '192.168.10.99') return { kind: 'failed', code: 'ETIMEOUT' };
  if (q.server === '192.168.10.98') return { kind: 'failed', code: 'EREFUSED' };
  if (q.server === 'ns.tssr.lan') return { kind: 'failed', code: 'EBADSERVER' };
  const values = ZONE[`${q.recordType} ${q.name}`];
  return values ? { kind: 'answers', values } : { kind: 'none', code: q.name.endsWith('tssr.lan') ? 'ENODATA' : 'ENOTFOUND' };
}

describe('dns check on a fake system', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['A resolvable by default', { name: 'www.tssr.lan' }, ['resolvable:pass']],
    ['A addrs in any order', { name: 'www.tssr.lan', addrs: ['192.168.10.21', '192.168.10.20'] }, ['resolvable:pass', 'addrs:pass']],
    ['A addrs contains', { name: 'www.tssr.lan', addrs: { contains: '192.168.10.20' } }, ['resolvable:pass', 'addrs:pass']],
    ['A wrong address', { name: 'www.tssr.lan', addrs: ['192.168.10.30'] }, ['resolvable:pass', 'addrs:fail']],
    ['AAAA', { name: 'www.tssr.lan', recordType: 'AAAA', addrs: ['fd00::20'] }, ['resolvable:pass', 'addrs:pass']],
    ['MX values', { name: 'tssr.lan', recordType: 'MX', values: { contains: '10 mail.tssr.lan' } }, ['resolvable:pass', 'values:pass']],
    ['CNAME', { name: 'intranet.tssr.lan', recordType: 'CNAME', values: ['www.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['PTR of an address', { name: '192.168.10.20', recordType: 'PTR', values: ['www.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['NS', { name: 'tssr.lan', recordType: 'NS', values: ['ns1.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['TXT', { name: 'tssr.lan', recordType: 'TXT', values: [{ matches: '^v=spf1 ' }] }, ['resolvable:pass', 'values:pass']],
    ['SRV', { name: '_ldap._tcp.tssr.lan', recordType: 'SRV', values: ['0 100 389 dc1.tssr.lan'] }, ['resolvable:pass', 'values:pass']],
    ['an unknown name is not resolvable and skips the rest', { name: 'nope.example', addrs: ['1.2.3.4'] }, ['resolvable:fail', 'addrs:skip']],
    ['gone as wanted', { name: 'old.tssr.lan', resolvable: false }, ['resolvable:pass']],
    ['still there but should be gone', { name: 'www.tssr.lan', resolvable: false }, ['resolvable:fail']],
    ['a silent server fails either way', { name: 'old.tssr.lan', server: '192.168.10.99', resolvable: false }, ['resolvable:fail']],
    ['a refusing server fails', { name: 'www.tssr.lan', server: '192.168.10.98', addrs: ['x'] }, ['resolvable:fail', 'addrs:skip']],
    ['a server by name is an error', { name: 'www.tssr.lan', server: 'ns.tssr.lan' }, ['resolvable:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(dns, { type: 'dns', ...check } as never, fakeSystem({ dns: server }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('reasons carry the name, type and server as data', async () => {
    const { outcomes } = await runOn(dns, { type: 'dns', name: 'ftp.tssr.lan', server: '127.0.0.1:5353' }, fakeSystem({ dns: server }), regex);
    assert.deepEqual(outcomes[0].reason, { code: 'dns.noRecord', params: { name: 'ftp.tssr.lan', recordType: 'A', server: '127.0.0.1:5353' } });
    const silent = await runOn(dns, { type: 'dns', name: 'x', server: '192.168.10.99' }, fakeSystem({ dns: server }), regex);
    assert.equal(silent.outcomes[0].reason?.code, 'dns.noReply');
  });
  it('fits every try, each twice as long as the one before (c-ares), in 80% of the check budget', async () => {
    const system = fakeSystem({ dns: server });
    await runOn(dns, { type: 'dns', name: 'www.tssr.lan', server: '127.0.0.1:5353', tries: 4 }, system, regex);
    assert.deepEqual(system.calls, ['dns A www.tssr.lan @127.0.0.1:5353 4x266']);
  });
  it('formats answers as dig +short does, without final dots', () => {
    assert.deepEqual(formatAnswers('MX', [{ priority: 10, exchange: 'mail.tssr.lan' }]), ['10 mail.tssr.lan']);
    assert.deepEqual(formatAnswers('SRV', [{ priority: 0, weight: 5, port: 5060, name: 'sip.tssr.lan' }]), ['0 5 5060 sip.tssr.lan']);
    assert.deepEqual(formatAnswers('TXT', [['v=spf1 ', 'mx -all']]), ['v=spf1 mx -all']);
    assert.deepEqual(formatAnswers('NS', ['ns1.tssr.lan.']), ['ns1.tssr.lan']);
  });
});
