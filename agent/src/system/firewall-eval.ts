import type { Cond, FwChain, FwRule, Ruleset, Verdict } from './firewall-model';
import { parsePrefix, prefixContains, prefixDisjoint, type Prefix } from './cidr';

/** A new connection arriving at this host, as `allows`/`denies` describe it. */
export interface Packet {
  family: 'ip' | 'ip6';
  proto: 'tcp' | 'udp';
  dport: number;
  /** Where it comes from: a prefix (any address of it); 0.0.0.0/0 or ::/0 when the check names none. */
  source: Prefix;
  /** The interface it arrives on; undefined means some interface other than lo. */
  iif?: string;
  /**
   * What the check asserts, for rules that apply to part of the source only: such a rule cannot prove the
   * assertion (a partial accept does not show `allows`), but it can disprove it (a partial drop breaks `allows`).
   */
  asserting: 'allows' | 'denies';
}

/** The verdict for a packet and what decided it: a rule, or a chain's policy. */
export interface Decision {
  verdict: Verdict;
  by: string;
  line?: number;
}

/** Whether an interface pattern (`eth*` in nft, `eth+` in iptables) names an interface. */
export function ifaceMatches(pattern: string, name: string): boolean {
  const wild = /[*+]$/.test(pattern);
  return wild ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

function holds<T>(c: Cond<T> | undefined, test: (v: T) => boolean, whenUnknown?: boolean): boolean {
  if (!c) return true;
  if (whenUnknown !== undefined) return whenUnknown;
  const hit = c.values.some(test);
  return c.neg ? !hit : hit;
}

/** How a source condition holds for the addresses of a prefix: for all of them, some, or none. */
export function sourceHolds(c: Cond<string> | undefined, source: Prefix): 'all' | 'some' | 'none' {
  if (!c) return 'all';
  const prefixes = c.values.map(parsePrefix).filter((p): p is Prefix => p !== undefined);
  const covers = prefixes.some((p) => prefixContains(p, source));
  const overlaps = prefixes.some((p) => !prefixDisjoint(p, source));
  // An unreadable value (a hostname, an address range) counts as overlapping: the rule might apply.
  const unsure = prefixes.length < c.values.length;
  if (c.neg) return covers ? 'none' : overlaps || unsure ? 'some' : 'all';
  return covers ? 'all' : overlaps || unsure ? 'some' : 'none';
}

/** Whether a rule's conditions hold for the packet on a chain of the given hook. */
export function ruleMatches(r: FwRule, p: Packet): boolean {
  if (r.unknown !== undefined) return false;
  if (r.family && r.family !== p.family) return false;
  if (r.proto && r.proto !== p.proto) return false;
  if (!holds(r.dport, ([lo, hi]) => p.dport >= lo && p.dport <= hi)) return false;
  const src = sourceHolds(r.saddr, p.source);
  if (src === 'none') return false;
  const k = r.action.kind;
  if (src === 'some' && (k === 'accept' ? 'allows' : k === 'drop' || k === 'reject' ? 'denies' : undefined) === p.asserting) return false;
  // Without a named interface the packet comes in on "some interface but lo": a positive test on lo fails,
  // any other test is taken as met.
  const external = r.iif && !r.iif.neg ? r.iif.values.some((v) => v !== 'lo') : true;
  if (!holds(r.iif, (v) => ifaceMatches(v, p.iif!), p.iif === undefined ? external : undefined)) return false;
  if (r.oif) return false; // an input packet has no output interface
  // Destination addresses are taken as met: the packet is addressed to this host.
  return holds(r.ctState, (s) => s === 'new');
}

/** Whether a chain of this family sees packets of that family. */
function familyApplies(family: string, p: Packet['family']): boolean {
  return family === 'inet' || family === p;
}

const MAX_DEPTH = 32;

function walk(rs: Ruleset, chain: FwChain, p: Packet, depth: number): Decision | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const r of chain.rules) {
    if (!ruleMatches(r, p)) continue;
    const a = r.action;
    if (a.kind === 'accept' || a.kind === 'drop' || a.kind === 'reject') return { verdict: a.kind, by: r.text, ...(r.line ? { line: r.line } : {}) };
    if (a.kind === 'return') return undefined;
    if (a.kind === 'jump' || a.kind === 'goto') {
      const target = rs.chains.find((c) => c.family === chain.family && c.table === chain.table && c.name === a.target);
      const d = target ? walk(rs, target, p, depth + 1) : undefined;
      if (d || a.kind === 'goto') return d;
    }
  }
  return undefined;
}

/** Base chains of a hook that filter packets of this family, in priority order. */
export function baseChains(rs: Ruleset, hook: string, family?: Packet['family']): FwChain[] {
  return rs.chains
    .filter((c) => c.hook === hook && (c.type === undefined || c.type === 'filter') && (family === undefined || familyApplies(c.family, family)))
    .sort((a, b) => a.prio - b.prio);
}

/**
 * The verdict of the input hook for a new connection: every base chain in priority order, each rule in order,
 * jumps followed; a drop anywhere is final, an accept passes on to the next base chain (nftables semantics).
 */
export function decideInput(rs: Ruleset, p: Packet): Decision {
  let last: Decision | undefined;
  for (const chain of baseChains(rs, 'input', p.family)) {
    const d = walk(rs, chain, p, 0) ?? {
      verdict: chain.policy ?? 'accept',
      by: `policy ${chain.policy ?? 'accept'} (${chain.family} ${chain.table} ${chain.name})`,
    };
    if (d.verdict !== 'accept') return d;
    last ??= d;
  }
  return last ?? { verdict: 'accept', by: 'no input chain' };
}

/** The default policy of a hook: the strictest policy among its base filter chains; accept when none filters. */
export function policyOf(rs: Ruleset, hook: string): Verdict {
  const policies = baseChains(rs, hook).map((c) => c.policy ?? 'accept');
  return policies.includes('drop') ? 'drop' : policies.includes('reject') ? 'reject' : 'accept';
}

/** Rules doing address translation of a kind, in any chain (user chains included). */
export function natRules(rs: Ruleset, kinds: string[]): FwRule[] {
  return rs.chains.flatMap((c) => c.rules.filter((r) => kinds.includes(r.action.kind)));
}
