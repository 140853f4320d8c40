import type { FwChain, FwRule, Verdict } from './firewall-model';
import { portRange } from './firewall-model';

const HOOKS: Record<string, string> = { INPUT: 'input', FORWARD: 'forward', OUTPUT: 'output', PREROUTING: 'prerouting', POSTROUTING: 'postrouting' };
const PRIO: Record<string, number> = { raw: -300, mangle: -150, nat: -100, filter: 0, security: 50 };
/** Match modules whose options this parser reads, or that cannot stop a first packet (limit, comment). */
const MODULES = new Set(['tcp', 'udp', 'multiport', 'conntrack', 'state', 'comment', 'limit']);
/** Options taking one value that change nothing for the evaluator. */
const SKIP = new Set(['--comment', '--limit', '--limit-burst', '--reject-with', '--log-prefix', '--log-level', '--random', '--to-ports-random']);

/** Splits an iptables-save rule line into words, honouring double quotes (comments). */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

/** Reads one `-A CHAIN …` line into a rule. */
export function readRuleLine(
  w: string[],
  family: 'ip' | 'ip6',
  text: string,
  line: number,
  isChain: (name: string) => boolean,
): { chain: string; rule: FwRule } {
  const rule: FwRule = { text, line, family, action: { kind: 'continue' } };
  let neg = false;
  let jumpTo: string | undefined;
  let goto = false;
  let to: string | undefined;
  const list = (v: string): string[] => v.split(',');
  for (let i = 2; i < w.length; i++) {
    const opt = w[i];
    const arg = (): string => w[++i] ?? '';
    if (opt === '!') {
      neg = true;
      continue;
    }
    switch (opt) {
      case '-p':
      case '--protocol': {
        const p = arg();
        if (neg) rule.unknown ??= `! -p ${p}`;
        else if (p !== 'all') rule.proto = p;
        break;
      }
      case '-s':
      case '--source':
        rule.saddr = { neg, values: list(arg()) };
        break;
      case '-d':
      case '--destination':
        rule.daddr = { neg, values: list(arg()) };
        break;
      case '-i':
      case '--in-interface':
        rule.iif = { neg, values: [arg()] };
        break;
      case '-o':
      case '--out-interface':
        rule.oif = { neg, values: [arg()] };
        break;
      case '-m':
      case '--match': {
        const m = arg();
        if (!MODULES.has(m)) rule.unknown ??= `-m ${m}`;
        break;
      }
      case '--dport':
      case '--destination-port':
      case '--dports':
      case '--destination-ports': {
        const ranges = list(arg()).map(portRange);
        if (ranges.some((r) => !r)) rule.unknown ??= `${opt} ${w[i]}`;
        else rule.dport = { neg, values: ranges as Array<[number, number]> };
        break;
      }
      case '--state':
      case '--ctstate':
        rule.ctState = { neg, values: list(arg().toLowerCase()) };
        break;
      case '-j':
      case '--jump':
        jumpTo = arg();
        break;
      case '-g':
      case '--goto':
        jumpTo = arg();
        goto = true;
        break;
      case '--to-destination':
      case '--to-source':
      case '--to-ports':
      case '--to':
        to = arg();
        break;
      default:
        if (SKIP.has(opt)) arg();
        else rule.unknown ??= opt; // --sport, --icmp-type, -f, set matches…
    }
    neg = false;
  }
  const t = jumpTo !== undefined && !isChain(jumpTo) ? jumpTo.toUpperCase() : undefined;
  if (t === 'ACCEPT' || t === 'DROP' || t === 'REJECT' || t === 'RETURN') rule.action = { kind: t.toLowerCase() as Verdict | 'return' };
  else if (t === 'MASQUERADE') rule.action = { kind: 'masquerade' };
  else if (t === 'SNAT') rule.action = { kind: 'snat', to };
  else if (t === 'DNAT') rule.action = { kind: 'dnat', to: to ?? '' };
  else if (t === 'REDIRECT') rule.action = { kind: 'redirect', to: `:${to ?? ''}` };
  else if (jumpTo && isChain(jumpTo)) rule.action = { kind: goto ? 'goto' : 'jump', target: jumpTo };
  // Other targets (LOG, MARK, NFLOG…) do not end the walk.
  return { chain: w[1], rule };
}

/** Parses `iptables-save` (family ip) or `ip6tables-save` (ip6) output into chains. */
export function parseIptablesSave(text: string, family: 'ip' | 'ip6'): FwChain[] {
  const chains: FwChain[] = [];
  let table = '';
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('*')) table = line.slice(1);
    else if (line.startsWith(':')) {
      const [name, policy] = line.slice(1).split(/\s+/);
      const hook = HOOKS[name];
      chains.push({
        family,
        table,
        name,
        hook,
        type: table,
        prio: PRIO[table] ?? 0,
        rules: [],
        ...(hook && policy !== '-' ? { policy: policy.toLowerCase() as Verdict } : {}),
      });
    } else if (line.startsWith('-A ')) {
      const isChain = (name: string): boolean => chains.some((c) => c.table === table && c.name === name);
      const { chain, rule } = readRuleLine(words(line), family, line, index + 1, isChain);
      chains.find((c) => c.table === table && c.name === chain)?.rules.push(rule);
    }
  });
  return chains;
}

/** Whether a parsed iptables ruleset does anything: a rule, or a policy other than ACCEPT. */
export function iptablesInUse(chains: FwChain[]): boolean {
  return chains.some((c) => c.rules.length > 0 || (c.policy !== undefined && c.policy !== 'accept'));
}
