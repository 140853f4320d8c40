import { readFile } from 'node:fs/promises';
import type { FwChain, Ruleset } from './firewall-model';
import { deniedByPrivilege, execTool } from './exec-tool';
import { parseNftJson } from './firewall-nft';
import { iptablesInUse, parseIptablesSave } from './firewall-iptables';
import { parseUfwStatus } from './firewall-ufw';

/** The firewall facts of a run: a ruleset, or why none could be read. */
export type FirewallFacts =
  | { kind: 'ruleset'; ruleset: Ruleset }
  | { kind: 'needsRoot'; tool: string; detail: string }
  | { kind: 'failed'; tool: string; error: string }
  | { kind: 'noTool' };

/** What one probe found: a ruleset (maybe empty: nothing configured with this tool), or why it could not read. */
export type ProbeRead =
  | { kind: 'ruleset'; ruleset: Ruleset; inUse: boolean; compat?: boolean }
  | { kind: 'absent' }
  | { kind: 'denied'; tool: string; detail: string }
  | { kind: 'failed'; tool: string; error: string };

/** One way of reading the firewall (nft, iptables, ufw). */
export interface FirewallProbe {
  readonly backend: Ruleset['backend'];
  read(signal: AbortSignal): Promise<ProbeRead>;
}

async function tool(file: string, args: string[], signal: AbortSignal): Promise<{ text: string } | ProbeRead> {
  const r = await execTool(file, args, { signal, maxBytes: 16 * 1024 * 1024 });
  if (r.missing) return { kind: 'absent' };
  const said = (r.stderr || r.stdout).trim();
  if (r.code !== 0 && (deniedByPrivilege(said) || (process.getuid?.() ?? 0) !== 0)) return { kind: 'denied', tool: file, detail: said.slice(0, 300) };
  if (r.code !== 0) return { kind: 'failed', tool: `${file} ${args.join(' ')}`, error: said.slice(0, 300) };
  return { text: r.stdout };
}

/** nftables: `nft -j list ruleset`. */
export const nftProbe: FirewallProbe = {
  backend: 'nft',
  async read(signal) {
    const t = await tool('nft', ['-j', 'list', 'ruleset'], signal);
    if (!('text' in t)) return t;
    if (!t.text.trim()) return { kind: 'ruleset', ruleset: { backend: 'nft', chains: [] }, inUse: false };
    try {
      const { compat, ...ruleset } = parseNftJson(t.text);
      return { kind: 'ruleset', ruleset, inUse: ruleset.chains.length > 0, compat };
    } catch (e) {
      return { kind: 'failed', tool: 'nft -j list ruleset', error: (e as Error).message };
    }
  },
};

/** iptables: `iptables-save` and `ip6tables-save`, in the given variant (nf_tables or legacy). */
export function iptablesProbe(suffix: '' | '-legacy' = ''): FirewallProbe {
  return {
    backend: 'iptables',
    async read(signal) {
      // iptables-legacy-save would load the ip_tables module on a host that never used it: ask the kernel first.
      if (suffix === '-legacy' && !(await readFile('/proc/net/ip_tables_names', 'utf8').catch(() => '')).trim()) return { kind: 'absent' };
      const v4 = await tool(`iptables${suffix}-save`, [], signal);
      if (!('text' in v4)) return v4;
      const v6 = await tool(`ip6tables${suffix}-save`, [], signal);
      const chains = [...parseIptablesSave(v4.text, 'ip'), ...('text' in v6 ? parseIptablesSave(v6.text, 'ip6') : [])];
      return { kind: 'ruleset', ruleset: { backend: 'iptables', chains }, inUse: iptablesInUse(chains) };
    },
  };
}

/** ufw: `ufw status verbose` for policies and rules; in use when it says `Status: active`. */
export const ufwProbe: FirewallProbe = {
  backend: 'ufw',
  async read(signal) {
    const t = await tool('ufw', ['status', 'verbose'], signal);
    if (!('text' in t)) return t;
    const { active, chains } = parseUfwStatus(t.text);
    return { kind: 'ruleset', ruleset: { backend: 'ufw', chains }, inUse: active };
  },
};

const natChains = (chains: FwChain[]): FwChain[] => chains.filter((c) => c.type === 'nat' || c.table === 'nat');

/**
 * Picks the tool in charge, once per run: an active ufw, else a non-empty nft ruleset (unless iptables-nft wrote it:
 * iptables-save reads those rules better), else iptables (nf_tables, then legacy). ufw's NAT lives in its
 * before.rules, so it is read from the next tool. An empty ruleset means nothing filters.
 */
export async function detectFirewall(
  signal: AbortSignal,
  probes: FirewallProbe[] = [ufwProbe, nftProbe, iptablesProbe(), iptablesProbe('-legacy')],
): Promise<FirewallFacts> {
  const reads: ProbeRead[] = [];
  for (const p of probes) reads.push(await p.read(signal));
  const inUse = reads.filter((r): r is Extract<ProbeRead, { kind: 'ruleset' }> => r.kind === 'ruleset' && r.inUse);
  const chosen = inUse.find((r) => !r.compat) ?? inUse[0];
  if (chosen) {
    const nat = chosen.ruleset.backend === 'ufw' ? natChains(inUse.find((r) => r !== chosen)?.ruleset.chains ?? []) : [];
    return { kind: 'ruleset', ruleset: { ...chosen.ruleset, chains: [...chosen.ruleset.chains, ...nat] } };
  }
  const denied = reads.find((r) => r.kind === 'denied');
  if (denied?.kind === 'denied') return { kind: 'needsRoot', tool: denied.tool, detail: denied.detail };
  const empty = reads.find((r) => r.kind === 'ruleset');
  if (empty?.kind === 'ruleset') return { kind: 'ruleset', ruleset: empty.ruleset };
  const failed = reads.find((r) => r.kind === 'failed');
  if (failed?.kind === 'failed') return { kind: 'failed', tool: failed.tool, error: failed.error };
  return { kind: 'noTool' };
}
