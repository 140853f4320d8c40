import type { FwRule, Ruleset } from './firewall-model';
import { ifaceMatches, natRules, sourceHolds } from './firewall-eval';
import { parsePrefix } from './cidr';

/** A source NAT a check expects: out of an interface, for a source network. */
export interface NatWanted {
  outInterface?: string;
  source?: string;
}
/** A port forward a check expects. */
export interface ForwardWanted {
  port: number;
  protocol?: 'tcp' | 'udp';
  to?: string;
  inInterface?: string;
}

const ifaceHolds = (c: FwRule['iif'], name: string | undefined): boolean => !c || name === undefined || c.neg !== c.values.some((v) => ifaceMatches(v, name));

/** Splits `host:port`, `[v6]:port`, `host`, `:port` into host and port (undefined when absent). */
export function hostPort(text: string): { host: string; port?: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : undefined };
  const m = /^([^:]*):(\d+)$/.exec(text);
  return m ? { host: m[1], port: Number(m[2]) } : { host: text };
}

/** The first masquerade or snat rule that translates traffic out of the interface, from the source network. */
export function findNat(rs: Ruleset, want: NatWanted): FwRule | undefined {
  const source = want.source === undefined ? undefined : parsePrefix(want.source);
  return natRules(rs, ['masquerade', 'snat']).find(
    (r) => ifaceHolds(r.oif, want.outInterface) && (want.source === undefined || (source !== undefined && sourceHolds(r.saddr, source) === 'all')),
  );
}

const LOCAL = new Set(['', '127.0.0.1', 'localhost', '::1']);

/** The first dnat or redirect rule that sends the port (and protocol) to the wanted destination. */
export function findForward(rs: Ruleset, want: ForwardWanted): FwRule | undefined {
  const proto = want.protocol ?? 'tcp';
  const wanted = want.to === undefined ? undefined : hostPort(want.to);
  return natRules(rs, ['dnat', 'redirect']).find((r) => {
    if (r.proto && r.proto !== proto) return false;
    if (r.dport && r.dport.neg === r.dport.values.some(([lo, hi]) => want.port >= lo && want.port <= hi)) return false;
    if (!ifaceHolds(r.iif, want.inInterface)) return false;
    if (!wanted) return true;
    const got = hostPort('to' in r.action ? (r.action.to ?? '') : '');
    const port = got.port ?? want.port; // a dnat without a port keeps the original one
    const hostOk = r.action.kind === 'redirect' ? LOCAL.has(wanted.host) : got.host === wanted.host;
    return hostOk && (wanted.port === undefined || wanted.port === port);
  });
}

/** NAT rules as their text, for a failure's actual value. */
export function natTexts(rs: Ruleset, kinds: string[]): string[] {
  return natRules(rs, kinds).map((r) => r.text);
}
