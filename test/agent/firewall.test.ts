import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, results } from '../helpers/agent';
import { runArgv } from '../helpers/container';
import { createNetns, have, runAgentVia, type Netns } from '../helpers/netns-exec';

/** A default-drop ruleset allowing ssh, http from a LAN, with masquerade and a port forward. */
const NFT_RULES = `
table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    ct state established,related accept
    iifname "lo" accept
    tcp dport 22 accept
    ip saddr 192.168.10.0/24 tcp dport { 80, 443 } accept
    udp dport 53 reject
  }
  chain forward { type filter hook forward priority 0; policy drop; }
}
table ip nat {
  chain prerouting { type nat hook prerouting priority dstnat; tcp dport 8080 dnat to 192.168.10.20:80; }
  chain postrouting { type nat hook postrouting priority srcnat; oifname "ens33" masquerade; }
}
`;

/** The same policy for iptables-restore. */
const IPTABLES_RULES = `*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -s 192.168.10.0/24 -p tcp -m multiport --dports 80,443 -j ACCEPT
-A INPUT -p udp -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.10.20:80
-A POSTROUTING -o ens33 -j MASQUERADE
COMMIT
`;

const CHECK = {
  type: 'firewall',
  policy: { input: 'drop', forward: 'drop', output: 'accept' },
  allows: [{ port: 22 }, { port: 443, source: '192.168.10.7' }, { port: 8080, interface: 'lo' }],
  denies: [{ port: 443, source: '203.0.113.0/24' }, { port: 53, protocol: 'udp' }, { port: 3306 }],
  nat: [
    { outInterface: 'ens33', source: '192.168.10.0/24' },
    { outInterface: 'wlan0', source: '10.0.0.0/8' },
  ],
  forwards: [
    { port: 8080, to: '192.168.10.20:80' },
    { port: 8081, to: '192.168.10.20:80' },
  ],
};
const EXPECTED = [
  'policy.input:pass',
  'policy.forward:pass',
  'policy.output:pass',
  'allows[0]:pass',
  'allows[1]:pass',
  'allows[2]:pass',
  'denies[0]:pass',
  'denies[1]:pass',
  'denies[2]:pass',
  // The masquerade rule names no source, so it covers the LAN; it names ens33, so not wlan0.
  'nat[0]:pass',
  'nat[1]:fail',
  'forwards[0]:pass',
  'forwards[1]:fail',
];

async function summary(ns: Netns, check: Record<string, unknown>, prefix: string[] = []): Promise<Array<Record<string, any>>> {
  return results(await runAgentVia([...ns.exec, ...prefix], request([check])));
}

describe('agent firewall check on real rulesets in a network namespace', function () {
  this.timeout(120_000);
  before(function () {
    // Namespaces and rulesets need root; without it there is nothing real to read.
    if ((process.getuid?.() ?? 1) !== 0 || !have('ip')) this.skip();
  });

  describe('nftables', () => {
    let ns: Netns;
    before(async function () {
      if (!have('nft')) this.skip(); // apt-get install nftables (.ci/run installs it)
      ns = createNetns('fw');
      const r = await runArgv('ip', ['netns', 'exec', ns.name, 'nft', '-f', '-'], NFT_RULES);
      assert.equal(r.code, 0, r.stderr);
    });
    after(async () => {
      ns?.remove();
    });

    it('reads policies, allowed and denied ports, NAT and forwards from nft -j list ruleset', async () => {
      const rs = await summary(ns, { ...CHECK, backend: 'nft' });
      const got = rs.map((r) => `${r.property}:${r.status}`);
      assert.deepEqual(got, ['backend:pass', ...EXPECTED]);
      const a = rs.find((r) => r.property === 'allows[1]')!;
      assert.deepEqual([a.reason.code, a.actual.rule], ['firewall.allowed', 'ip saddr 192.168.10.0/24 tcp dport { 80, 443 } accept']);
      assert.equal(rs.find((r) => r.property === 'denies[2]')!.actual.rule, 'policy drop (inet filter input)');
    });

    it('sees a change of the ruleset in the next run', async () => {
      await runArgv('ip', ['netns', 'exec', ns.name, 'nft', 'add', 'rule', 'inet', 'filter', 'input', 'tcp', 'dport', '3306', 'accept']);
      const rs = await summary(ns, { type: 'firewall', allows: [{ port: 3306 }] });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['allows[0]:pass'],
      );
    });

    it('without root, every property is an error that says root is needed', async function () {
      if (!have('setpriv')) this.skip();
      const rs = await summary(ns, { type: 'firewall', policy: { input: 'drop' }, allows: [{ port: 22 }] }, [
        'setpriv',
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        '--',
      ]);
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}:${r.reason?.code}`),
        ['policy.input:error:firewall.needsRoot', 'allows[0]:error:firewall.needsRoot'],
      );
    });
  });

  describe('iptables (legacy), when nft has no ruleset', () => {
    let ns: Netns;
    before(async function () {
      if (!have('iptables-legacy-restore')) this.skip(); // apt-get install iptables
      ns = createNetns('ipt');
      const r = await runArgv('ip', ['netns', 'exec', ns.name, 'iptables-legacy-restore'], IPTABLES_RULES);
      assert.equal(r.code, 0, r.stderr);
    });
    after(async () => {
      ns?.remove();
    });

    it('reads the same policy from iptables-save, with the line of the deciding rule', async () => {
      const rs = await summary(ns, { ...CHECK, backend: 'iptables' });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['backend:pass', ...EXPECTED],
      );
      const ssh = rs.find((r) => r.property === 'allows[0]')!;
      assert.match(ssh.actual.rule, /^-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT$/);
      assert.ok(ssh.actual.line > 1);
    });
  });

  describe('ufw, in charge of the namespace', () => {
    let ns: Netns;
    let etc = '';
    before(async function () {
      if (!have('ufw')) this.skip(); // apt-get install ufw
      ns = createNetns('ufw');
      // `ip netns exec` mounts /etc/netns/NAME/ufw over /etc/ufw: ufw's state stays in the namespace, the host's is untouched.
      etc = join('/etc/netns', ns.name);
      mkdirSync(etc, { recursive: true });
      cpSync('/etc/ufw', join(etc, 'ufw'), { recursive: true });
      for (const args of [
        ['--force', 'enable'],
        ['allow', '22/tcp'],
        ['allow', 'from', '192.168.10.0/24', 'to', 'any', 'port', '443', 'proto', 'tcp'],
        ['deny', '3306'],
      ]) {
        const r = await runArgv('ip', ['netns', 'exec', ns.name, 'ufw', ...args]);
        assert.equal(r.code, 0, `ufw ${args.join(' ')}: ${r.stderr}`);
      }
    });
    after(async () => {
      ns?.remove();
      if (etc) rmSync(etc, { recursive: true, force: true });
      try {
        rmdirSync('/etc/netns');
      } catch {
        /* other namespaces still use it */
      }
    });

    it('reads policies and rules from ufw status verbose, in rule order', async () => {
      const rs = await summary(ns, {
        type: 'firewall',
        backend: 'ufw',
        policy: { input: 'drop', output: 'accept' },
        allows: [{ port: 22 }, { port: 443, source: '192.168.10.7' }, { port: 22, source: '2001:db8::1' }],
        denies: [{ port: 443 }, { port: 3306 }],
      });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['backend:pass', 'policy.input:pass', 'policy.output:pass', 'allows[0]:pass', 'allows[1]:pass', 'allows[2]:pass', 'denies[0]:fail', 'denies[1]:pass'],
      );
      assert.match(rs.find((r) => r.property === 'denies[1]')!.actual.rule, /^3306 {2}DENY IN {2}Anywhere$/);
    });
  });
});
