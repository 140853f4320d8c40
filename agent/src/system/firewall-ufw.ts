import type { FwChain, FwRule, Verdict } from './firewall-model';
import { portRange } from './firewall-model';
import { parsePrefix } from './cidr';

const ACTIONS: Record<string, Verdict> = { ALLOW: 'accept', LIMIT: 'accept', DENY: 'drop', REJECT: 'reject' };
const POLICIES: Record<string, Verdict> = { allow: 'accept', deny: 'drop', reject: 'reject', disabled: 'drop' };
const RULE = /^(.+?)\s{2,}(ALLOW|DENY|REJECT|LIMIT)(?: (IN|OUT|FWD))?\s+(.+?)\s*$/;

/** Reads a `To`/`From` column: `Anywhere`, an address, a port spec, both, an app profile; `(v6)` and `on eth0` set family and interface. */
function endpoint(text: string, rule: FwRule, side: 'to' | 'from', dir: string): void {
  let t = text.replace(/\s+#.*$/, '');
  if (/\(v6\)/.test(t)) {
    rule.family = 'ip6';
    t = t.replace(/\s*\(v6\)/, '');
  }
  const on = /\s+on\s+(\S+)$/.exec(t);
  if (on) {
    rule[dir === 'OUT' ? 'oif' : 'iif'] = { neg: false, values: [on[1]] };
    t = t.slice(0, on.index);
  }
  for (const word of t.trim().split(/\s+/)) {
    if (word === 'Anywhere' || word === '') continue;
    const addr = parsePrefix(word);
    const ports = /^([\d,:]+)(?:\/(tcp|udp))?$/.exec(word);
    if (addr) {
      rule[side === 'to' ? 'daddr' : 'saddr'] = { neg: false, values: [word] };
      rule.family ??= addr.v6 ? 'ip6' : 'ip';
    } else if (ports && side === 'to') {
      const ranges = ports[1].split(',').map(portRange);
      if (ranges.some((r) => !r)) rule.unknown ??= word;
      else rule.dport = { neg: false, values: ranges as Array<[number, number]> };
      if (ports[2]) rule.proto = ports[2];
    } else if (ports && side === 'from') rule.unknown ??= `source port ${word}`;
    else rule.unknown ??= `application profile ${word}`; // its ports live in /etc/ufw/applications.d
  }
}

/** Parses `ufw status verbose`: whether ufw is active, and its default policies and rules as chains. */
export function parseUfwStatus(text: string): { active: boolean; chains: FwChain[] } {
  const lines = text.split('\n');
  const active = lines.some((l) => /^Status:\s*active/.test(l));
  const chain = (hook: string, policy: Verdict): FwChain => ({ family: 'inet', table: 'ufw', name: hook, hook, type: 'filter', policy, prio: 0, rules: [] });
  const chains = { IN: chain('input', 'drop'), OUT: chain('output', 'accept'), FWD: chain('forward', 'drop') };
  // ufw's before.rules accept loopback traffic ahead of the user's rules.
  chains.IN.rules.push({ text: 'ufw before-input: -i lo -j ACCEPT', iif: { neg: false, values: ['lo'] }, action: { kind: 'accept' } });
  let inRules = false;
  lines.forEach((l, index) => {
    const def = /^Default:\s*(\w+) \(incoming\),\s*(\w+) \(outgoing\),\s*(\w+) \(routed\)/.exec(l);
    if (def) [chains.IN.policy, chains.OUT.policy, chains.FWD.policy] = def.slice(1).map((p) => POLICIES[p] ?? 'drop');
    if (/^--\s+-+/.test(l)) {
      inRules = true;
      return;
    }
    const m = inRules ? RULE.exec(l) : null;
    if (!m) return;
    const dir = m[3] ?? 'IN';
    const rule: FwRule = { text: l.trim().replace(/\s{2,}/g, '  '), line: index + 1, action: { kind: ACTIONS[m[2]] } };
    endpoint(m[1], rule, 'to', dir);
    endpoint(m[4], rule, 'from', dir);
    chains[dir as keyof typeof chains].rules.push(rule);
  });
  return { active, chains: Object.values(chains) };
}
