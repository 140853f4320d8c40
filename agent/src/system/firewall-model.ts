/** The firewall as the checks see it, whichever tool wrote it: tables of chains of rules, evaluated in order. */

/** A verdict that ends a packet's walk. */
export type Verdict = 'accept' | 'drop' | 'reject';

/** What a rule does when it matches. */
export type FwAction =
  | { kind: Verdict | 'return' | 'continue' }
  | { kind: 'jump' | 'goto'; target: string }
  | { kind: 'masquerade' }
  | { kind: 'snat'; to?: string }
  | { kind: 'dnat' | 'redirect'; to: string };

/** A set of values a rule condition tests, possibly negated (`!=`, `!`). */
export interface Cond<T> {
  neg: boolean;
  values: T[];
}

/** One rule, reduced to the conditions the evaluator understands. */
export interface FwRule {
  /** How the rule reads in its tool (for evidence): `tcp dport 22 accept`, an iptables-save line, a ufw status line. */
  text: string;
  /** The line of the tool's output, when it has lines (iptables-save, ufw status). */
  line?: number;
  /** Restricts the rule to IPv4 (`ip`) or IPv6 (`ip6`) packets. */
  family?: 'ip' | 'ip6';
  proto?: string;
  /** Destination port ranges, inclusive. */
  dport?: Cond<[number, number]>;
  saddr?: Cond<string>;
  daddr?: Cond<string>;
  iif?: Cond<string>;
  oif?: Cond<string>;
  ctState?: Cond<string>;
  /** A condition this evaluator cannot read (a rate limit, an xt match, an app profile): the rule never matches. */
  unknown?: string;
  action: FwAction;
}

/** One chain; base chains have a hook and a policy. */
export interface FwChain {
  /** `ip`, `ip6`, `inet`… (nft families; iptables-save gives ip, ip6tables-save ip6). */
  family: string;
  table: string;
  name: string;
  /** `input`, `forward`, `output`, `prerouting`, `postrouting`; absent for a chain reached by jump. */
  hook?: string;
  /** `filter`, `nat`…; iptables' table name. */
  type?: string;
  policy?: Verdict;
  prio: number;
  rules: FwRule[];
}

/** A whole ruleset, and the tool it was read with. */
export interface Ruleset {
  backend: 'nft' | 'iptables' | 'ufw';
  chains: FwChain[];
}

/** A port or range from text: `22`, `8000-8080`, `8000:8080`. */
export function portRange(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:[-:](\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** An nft-like rule text from the conditions (for evidence of rules read from JSON). */
export function describeRule(r: Omit<FwRule, 'text'>): string {
  const parts: string[] = [];
  const cond = (name: string, c: Cond<unknown> | undefined, show: (v: never) => string = String): void => {
    if (c)
      parts.push(
        `${name} ${c.neg ? '!= ' : ''}${c.values.length === 1 ? show(c.values[0] as never) : `{ ${c.values.map((v) => show(v as never)).join(', ')} }`}`,
      );
  };
  cond('iifname', r.iif);
  cond('oifname', r.oif);
  cond('ct state', r.ctState);
  cond(`${r.family ?? 'ip'} saddr`, r.saddr);
  cond(`${r.family ?? 'ip'} daddr`, r.daddr);
  if (r.proto && !r.dport) parts.push(`meta l4proto ${r.proto}`);
  cond(`${r.proto ?? 'th'} dport`, r.dport, (v: [number, number]) => (v[0] === v[1] ? String(v[0]) : `${v[0]}-${v[1]}`));
  if (r.unknown) parts.push(`<${r.unknown}>`);
  const a = r.action;
  parts.push('target' in a ? `${a.kind} ${a.target}` : 'to' in a && a.to ? `${a.kind} to ${a.to}` : a.kind);
  return parts.join(' ');
}
