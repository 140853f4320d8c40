import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firewall } from '../../agent/src/checks/firewall';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { parsePrefix, prefixContains } from '../../agent/src/system/cidr';
import { detectFirewall, type FirewallFacts, type FirewallProbe } from '../../agent/src/system/firewall';
import { parseIptablesSave, words } from '../../agent/src/system/firewall-iptables';
import type { Ruleset } from '../../agent/src/system/firewall-model';
import { parseNftJson } from '../../agent/src/system/firewall-nft';
import { parseUfwStatus } from '../../agent/src/system/firewall-ufw';
import { fakeSystem, runOn } from '../helpers/fake-system';
import { FIXTURES } from '../helpers/paths';

const regex = new RegexEngine();
after(() => regex.dispose());

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'firewall', name), 'utf8');
// The same policy written three ways: `nft list ruleset` of a real netns, `iptables-save` of the same rules, a ufw status.
const backends: Record<string, Ruleset> = {
  nft: (({ compat: _, ...rs }) => rs)(parseNftJson(fixture('nft-ruleset.json'))),
  iptables: { backend: 'iptables', chains: parseIptablesSave(fixture('iptables-save.txt'), 'ip') },
  ufw: { backend: 'ufw', chains: parseUfwStatus(fixture('ufw-status.txt')).chains },
};

async function summary(rs: Ruleset | FirewallFacts, check: Record<string, unknown>): Promise<string[]> {
  const facts: FirewallFacts = 'kind' in rs ? rs : { kind: 'ruleset', ruleset: rs };
  const { summary: s } = await runOn(firewall, { type: 'firewall', ...check } as never, fakeSystem({ firewall: facts }), regex);
  return s;
}

describe('firewall check on a fake system', () => {
  // [name, check, expected for nft and iptables (same rules), expected for ufw]
  const cases: Array<[string, Record<string, unknown>, string[], string[]]> = [
    [
      'input policy drop, output accept',
      { policy: { input: 'drop', output: 'accept' } },
      ['policy.input:pass', 'policy.output:pass'],
      ['policy.input:pass', 'policy.output:pass'],
    ],
    ['a policy matcher', { policy: { forward: { oneOf: ['drop', 'reject'] } } }, ['policy.forward:pass'], ['policy.forward:pass']],
    [
      'ssh allowed from anywhere',
      { allows: [{ port: 22 }, { port: 22, source: '203.0.113.9' }] },
      ['allows[0]:pass', 'allows[1]:pass'],
      ['allows[0]:pass', 'allows[1]:pass'],
    ],
    [
      'port in a set and in a range',
      {
        allows: [
          { port: 443, source: '10.2.0.0/16' },
          { port: 8050, source: '10.9.9.9' },
        ],
      },
      ['allows[0]:pass', 'allows[1]:pass'],
      ['allows[0]:pass', 'allows[1]:pass'],
    ],
    ['udp refused by reject counts as denied', { denies: [{ port: 53, protocol: 'udp' }] }, ['denies[0]:pass'], ['denies[0]:pass']],
    ['the same port over udp falls to the policy', { allows: [{ port: 22, protocol: 'udp' }] }, ['allows[0]:fail'], ['allows[0]:fail']],
    [
      'a closed port is denied by the policy',
      { denies: [{ port: 5432 }], allows: [{ port: 5432 }] },
      ['allows[0]:fail', 'denies[0]:pass'],
      ['allows[0]:fail', 'denies[0]:pass'],
    ],
    ['loopback is accepted', { allows: [{ port: 5432, interface: 'lo' }] }, ['allows[0]:pass'], ['allows[0]:pass']],
    ['a rule limited to a network does not allow everyone', { allows: [{ port: 80 }] }, ['allows[0]:fail'], ['allows[0]:pass']],
    [
      'a jumped-to chain accepting only 10/8',
      { allows: [{ port: 25, source: '10.1.1.1' }, { port: 25 }], denies: [{ port: 25, source: '192.0.2.0/24' }, { port: 25 }] },
      ['allows[0]:pass', 'allows[1]:fail', 'denies[0]:pass', 'denies[1]:fail'],
      ['allows[0]:fail', 'allows[1]:fail', 'denies[0]:pass', 'denies[1]:pass'],
    ],
    [
      'masquerade on eth0 and snat of a LAN on wan0',
      { nat: [{ outInterface: 'eth0' }, { outInterface: 'wan0', source: '10.1.2.0/24' }, { outInterface: 'wan0', source: '192.168.0.0/16' }] },
      ['nat[0]:pass', 'nat[1]:pass', 'nat[2]:fail'],
      ['nat[0]:fail', 'nat[1]:fail', 'nat[2]:fail'],
    ],
    [
      'a port forward to 10.0.0.2:80',
      {
        forwards: [
          { port: 8080, to: '10.0.0.2:80' },
          { port: 8080, to: '10.0.0.2' },
          { port: 8080, to: '10.0.0.3:80' },
          { port: 8080, protocol: 'udp' },
          { port: 8080, inInterface: 'eth1' },
        ],
      },
      ['forwards[0]:pass', 'forwards[1]:pass', 'forwards[2]:fail', 'forwards[3]:fail', 'forwards[4]:fail'],
      ['forwards[0]:fail', 'forwards[1]:fail', 'forwards[2]:fail', 'forwards[3]:fail', 'forwards[4]:fail'],
    ],
  ];
  for (const [name, check, expected, ufwExpected] of cases) {
    for (const backend of ['nft', 'iptables', 'ufw']) {
      it(`${backend}: ${name}`, async () => assert.deepEqual(await summary(backends[backend], check), backend === 'ufw' ? ufwExpected : expected));
    }
  }

  it('reports the deciding rule as evidence, and the backend in charge', async () => {
    const { outcomes } = await runOn(
      firewall,
      { type: 'firewall', backend: 'iptables', allows: [{ port: 3306 }] },
      fakeSystem({ firewall: { kind: 'ruleset', ruleset: backends.iptables } }),
      regex,
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['pass', 'fail'],
    );
    assert.deepEqual(outcomes[1].actual, { verdict: 'drop', rule: 'policy drop (ip filter INPUT)' });
    assert.equal(outcomes[1].reason?.code, 'firewall.notAllowed');
    const ok = await runOn(
      firewall,
      { type: 'firewall', allows: [{ port: 22 }] },
      fakeSystem({ firewall: { kind: 'ruleset', ruleset: backends.iptables } }),
      regex,
    );
    assert.deepEqual(ok.outcomes[0].actual, {
      verdict: 'accept',
      rule: '-A INPUT -p tcp -m tcp --dport 22 -m comment --comment "ssh from anywhere" -j ACCEPT',
      line: 17,
    });
  });

  it('ufw: IPv6 rules apply to IPv6 sources, an application profile never matches, a deny of one host stops only it', async () => {
    assert.deepEqual(
      await summary(backends.ufw, {
        allows: [
          { port: 443, source: '2001:db8::/32' },
          { port: 3306, protocol: 'udp', source: '10.3.0.0/16' },
        ],
      }),
      ['allows[0]:pass', 'allows[1]:pass'],
    );
    assert.deepEqual(
      await summary(backends.ufw, {
        denies: [
          { port: 3306, source: '2001:db8::1' },
          { port: 9999, source: '192.168.1.66' },
        ],
      }),
      ['denies[0]:pass', 'denies[1]:pass'],
    );
    assert.equal(parseUfwStatus(fixture('ufw-status.txt')).chains[0].rules.find((r) => r.text.startsWith('OpenSSH'))?.unknown, 'application profile OpenSSH');
    assert.equal(parseUfwStatus('Status: inactive\n').active, false);
    // A rule `on eth1` counts for a packet on an unnamed interface, not for one named otherwise; the deny of
    // 192.168.1.66 written before it means that port is not open to everyone.
    const on = (iface?: string, source = '10.9.9.9') => ({ port: 8050, source, ...(iface ? { interface: iface } : {}) });
    assert.deepEqual(await summary(backends.ufw, { allows: [on('eth1'), on('eth0'), on(), on(undefined, '0.0.0.0/0')] }), [
      'allows[0]:pass',
      'allows[1]:fail',
      'allows[2]:pass',
      'allows[3]:fail',
    ]);
  });

  it('an empty ruleset accepts everything', async () => {
    assert.deepEqual(await summary({ backend: 'nft', chains: [] }, { policy: { input: 'accept' }, allows: [{ port: 1 }], denies: [{ port: 1 }] }), [
      'policy.input:pass',
      'allows[0]:pass',
      'denies[0]:fail',
    ]);
  });

  it('without root every property is an error that says how to fix it; a bad source is an error', async () => {
    const facts: FirewallFacts = { kind: 'needsRoot', tool: 'nft', detail: 'Operation not permitted' };
    const { outcomes } = await runOn(firewall, { type: 'firewall', policy: { input: 'drop' }, allows: [{ port: 22 }] }, fakeSystem({ firewall: facts }), regex);
    assert.deepEqual(
      outcomes.map((o) => `${o.property}:${o.status}:${o.reason?.code}`),
      ['policy.input:error:firewall.needsRoot', 'allows[0]:error:firewall.needsRoot'],
    );
    assert.deepEqual(await summary({ kind: 'noTool' }, { allows: [{ port: 22 }] }), ['allows[0]:error']);
    assert.deepEqual(await summary(backends.nft, { allows: [{ port: 22, source: 'intranet' }] }), ['allows[0]:error']);
  });
});

describe('firewall probes and parsers', () => {
  const probe = (backend: FirewallProbe['backend'], read: Awaited<ReturnType<FirewallProbe['read']>>): FirewallProbe => ({ backend, read: async () => read });
  const rs = (backend: Ruleset['backend']): Ruleset => ({ backend, chains: [] });
  const signal = new AbortController().signal;
  const cases: Array<[string, FirewallProbe[], string]> = [
    [
      'an active ufw wins',
      [probe('ufw', { kind: 'ruleset', ruleset: rs('ufw'), inUse: true }), probe('nft', { kind: 'ruleset', ruleset: rs('nft'), inUse: true })],
      'ufw',
    ],
    [
      'an inactive ufw gives way to nft',
      [probe('ufw', { kind: 'ruleset', ruleset: rs('ufw'), inUse: false }), probe('nft', { kind: 'ruleset', ruleset: rs('nft'), inUse: true })],
      'nft',
    ],
    [
      'iptables-nft rules are read with iptables-save',
      [
        probe('nft', { kind: 'ruleset', ruleset: rs('nft'), inUse: true, compat: true }),
        probe('iptables', { kind: 'ruleset', ruleset: rs('iptables'), inUse: true }),
      ],
      'iptables',
    ],
    [
      'legacy iptables when nft is empty',
      [probe('nft', { kind: 'ruleset', ruleset: rs('nft'), inUse: false }), probe('iptables', { kind: 'ruleset', ruleset: rs('iptables'), inUse: true })],
      'iptables',
    ],
    ['all empty: the empty ruleset', [probe('ufw', { kind: 'absent' }), probe('nft', { kind: 'ruleset', ruleset: rs('nft'), inUse: false })], 'ruleset'],
    [
      'denied: needs root',
      [probe('nft', { kind: 'denied', tool: 'nft', detail: 'Operation not permitted' }), probe('iptables', { kind: 'absent' })],
      'needsRoot',
    ],
    ['nothing installed', [probe('ufw', { kind: 'absent' }), probe('nft', { kind: 'absent' })], 'noTool'],
  ];
  for (const [name, probes, expected] of cases) {
    it(`detect: ${name}`, async () => {
      const facts = await detectFirewall(signal, probes);
      assert.equal(facts.kind === 'ruleset' && expected !== 'ruleset' ? facts.ruleset.backend : facts.kind, expected);
    });
  }
  it('ufw takes its NAT from the tool underneath', async () => {
    const nat = { backend: 'iptables' as const, chains: parseIptablesSave(fixture('iptables-save.txt'), 'ip') };
    const facts = await detectFirewall(signal, [
      probe('ufw', { kind: 'ruleset', ruleset: backends.ufw, inUse: true }),
      probe('iptables', { kind: 'ruleset', ruleset: nat, inUse: true }),
    ]);
    assert.ok(facts.kind === 'ruleset');
    assert.deepEqual(
      await summary(facts, { backend: 'ufw', nat: [{ outInterface: 'eth0' }], forwards: [{ port: 8080, to: '10.0.0.2:80' }], allows: [{ port: 80 }] }),
      ['backend:pass', 'allows[0]:pass', 'nat[0]:pass', 'forwards[0]:pass'],
    );
  });
  it('reads named sets, prefixes and iptables-nft compat rules from nft JSON', () => {
    const parsed = parseNftJson(fixture('nft-ruleset.json'));
    const rule = parsed.chains.find((c) => c.name === 'input')!.rules.find((r) => r.dport?.values[0][0] === 3306)!;
    assert.deepEqual(rule.saddr, { neg: false, values: ['10.0.0.0/8', '192.168.1.5'] });
    assert.equal(parsed.compat, false);
    const xt = parseNftJson(
      JSON.stringify({
        nftables: [
          { chain: { family: 'ip', table: 'filter', name: 'INPUT', hook: 'input', prio: 0, policy: 'drop' } },
          { rule: { family: 'ip', table: 'filter', chain: 'INPUT', expr: [{ xt: { type: 'match', name: 'conntrack' } }, { accept: null }] } },
        ],
      }),
    );
    assert.deepEqual([xt.compat, xt.chains[0].rules[0].unknown], [true, 'xt']);
  });
  it('splits iptables-save words with quotes, and compares prefixes', () => {
    assert.deepEqual(words('-A INPUT -m comment --comment "a \\"b\\" c" -j ACCEPT'), ['-A', 'INPUT', '-m', 'comment', '--comment', 'a "b" c', '-j', 'ACCEPT']);
    const p = (t: string) => parsePrefix(t)!;
    assert.ok(prefixContains(p('10.0.0.0/8'), p('10.1.2.3')));
    assert.ok(!prefixContains(p('10.1.2.3'), p('10.0.0.0/8')));
    assert.ok(prefixContains(p('2001:db8::/32'), p('2001:db8:0:1::5')));
    assert.ok(prefixContains(p('::ffff:0:0/96'), p('::ffff:10.0.0.1')));
    assert.ok(!prefixContains(p('0.0.0.0/0'), p('::/0')));
    for (const bad of ['10.0.0.0/33', 'host', '1.2.3.4/8/1', '']) assert.equal(parsePrefix(bad), undefined, bad);
  });
});
