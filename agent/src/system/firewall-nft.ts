import type { Cond, FwAction, FwChain, FwRule, Ruleset, Verdict } from './firewall-model';
import { describeRule } from './firewall-model';

// nft's JSON schema is wide and versioned: its objects are read field by field.
type Json = any;

/** Statements that neither match nor decide: the rule goes on past them. */
const NO_OPS = new Set(['counter', 'log', 'limit', 'quota', 'mangle', 'notrack', 'meter', 'set']);
const VERDICTS = new Set(['accept', 'drop', 'reject', 'return']);

/** Flattens an nft right-hand side (value, set, range, prefix, named set) into strings or port ranges. */
function values(right: Json, sets: Map<string, Json[]>): Json[] {
  if (typeof right === 'string' && right.startsWith('@')) return (sets.get(right.slice(1)) ?? []).flatMap((e) => values(e, sets));
  if (Array.isArray(right)) return right.flatMap((e) => values(e, sets));
  if (right && typeof right === 'object') {
    if ('set' in right) return values(right.set, sets);
    if ('elem' in right) return values(right.elem.val, sets);
    if ('prefix' in right) return [`${right.prefix.addr}/${right.prefix.len}`];
    if ('range' in right) return [{ range: right.range }];
  }
  return [right];
}

function ports(vs: Json[]): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (const v of vs) {
    if (typeof v === 'number') out.push([v, v]);
    else if (v && Array.isArray(v.range) && typeof v.range[0] === 'number') out.push([v.range[0], v.range[1]]);
    else return undefined;
  }
  return out;
}

/** Reads one `match` expression into the rule; false when the evaluator cannot use it. */
function readMatch(m: Json, rule: Omit<FwRule, 'text'>, sets: Map<string, Json[]>): boolean {
  if (m.op !== '==' && m.op !== '!=' && m.op !== 'in') return false;
  const neg = m.op === '!=';
  const vs = values(m.right, sets);
  const strs = (): Cond<string> => ({ neg, values: vs.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))) });
  const left = m.left ?? {};
  if (left.payload) {
    const { protocol, field } = left.payload;
    if (field === 'dport') {
      const ranges = ports(vs);
      if (!ranges) return false;
      if (protocol !== 'th') rule.proto = protocol;
      rule.dport = { neg, values: ranges };
      return true;
    }
    if ((protocol === 'ip' || protocol === 'ip6') && (field === 'saddr' || field === 'daddr')) {
      rule.family = protocol;
      rule[field as 'saddr' | 'daddr'] = strs();
      return true;
    }
    if ((protocol === 'ip' && field === 'protocol') || (protocol === 'ip6' && field === 'nexthdr')) {
      if (neg || vs.length !== 1) return false;
      rule.family = protocol;
      rule.proto = String(vs[0]);
      return true;
    }
    return false;
  }
  const key = left.meta?.key ?? (left.ct ? `ct ${left.ct.key}` : undefined);
  if (key === 'l4proto' && !neg && vs.length === 1) {
    rule.proto = String(vs[0]);
    return true;
  }
  if (key === 'nfproto' && !neg && vs.length === 1) {
    rule.family = vs[0] === 'ipv6' ? 'ip6' : 'ip';
    return true;
  }
  if (key === 'iifname' || key === 'iif') {
    rule.iif = strs();
    return true;
  }
  if (key === 'oifname' || key === 'oif') {
    rule.oif = strs();
    return true;
  }
  if (key === 'ct state') {
    rule.ctState = strs();
    return true;
  }
  return false;
}

function target(addr: unknown, port: unknown): string {
  const host = addr === undefined ? '' : String(addr);
  if (port === undefined) return host;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Reads a rule's expression list into conditions and one action. */
export function readRule(expr: Json[], sets: Map<string, Json[]>): FwRule {
  const rule: Omit<FwRule, 'text'> = { action: { kind: 'continue' } };
  for (const e of expr) {
    const [k, v] = Object.entries(e ?? {})[0] ?? [];
    if (k === 'match') {
      if (!readMatch(v, rule, sets)) rule.unknown ??= JSON.stringify(v).slice(0, 120);
    } else if (VERDICTS.has(k)) rule.action = { kind: k as Verdict | 'return' };
    else if (k === 'jump' || k === 'goto') rule.action = { kind: k, target: String((v as Json).target) };
    else if (k === 'masquerade') rule.action = { kind: 'masquerade' };
    else if (k === 'snat') rule.action = { kind: 'snat', to: target((v as Json)?.addr, (v as Json)?.port) };
    else if (k === 'dnat') rule.action = { kind: 'dnat', to: target((v as Json)?.addr, (v as Json)?.port) };
    else if (k === 'redirect') rule.action = { kind: 'redirect', to: target('', (v as Json)?.port) } as FwAction;
    else if (k !== undefined && !NO_OPS.has(k)) rule.unknown ??= k; // xt (iptables-nft compat), fib, …
  }
  return { ...rule, text: describeRule(rule) };
}

/** Parses `nft -j list ruleset` into chains of rules; `compat` tells that iptables-nft wrote some of them. */
export function parseNftJson(text: string): Ruleset & { compat: boolean } {
  const items: Json[] = JSON.parse(text).nftables ?? [];
  const sets = new Map<string, Json[]>();
  const chains = new Map<string, FwChain>();
  let compat = false;
  const key = (o: Json, name: string): string => `${o.family} ${o.table} ${name}`;
  for (const item of items) {
    if (item.set) sets.set(key(item.set, item.set.name), item.set.elem ?? []);
    if (item.chain) {
      const c = item.chain;
      chains.set(key(c, c.name), {
        family: c.family,
        table: c.table,
        name: c.name,
        hook: c.hook,
        type: c.type,
        policy: c.policy,
        prio: typeof c.prio === 'number' ? c.prio : 0,
        rules: [],
      });
    }
  }
  for (const item of items) {
    if (!item.rule) continue;
    const r = item.rule;
    // Named sets are per table; values() looks them up by bare name, so give it this table's sets.
    const tableSets = new Map([...sets].filter(([k]) => k.startsWith(`${r.family} ${r.table} `)).map(([k, v]) => [k.split(' ')[2], v]));
    const rule = readRule(r.expr ?? [], tableSets);
    if (JSON.stringify(r.expr ?? []).includes('"xt"')) compat = true;
    chains.get(key(r, r.chain))?.rules.push(rule);
  }
  return { backend: 'nft', chains: [...chains.values()], compat };
}
