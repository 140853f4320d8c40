import type { FirewallCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { Ruleset } from '../system/firewall-model';
import { expectThat } from '../compare';
import { because, type Reason } from '../reason';
import { parsePrefix } from '../system/cidr';
import { decideInput, policyOf } from '../system/firewall-eval';
import { findForward, findNat, natTexts } from '../system/firewall-nat';

type PortEntry = NonNullable<FirewallCheck['allows']>[number];
const HOOKS = ['input', 'forward', 'output'] as const;

/** Asserted properties, in report order. */
function properties(c: FirewallCheck): string[] {
  const listed = (name: string, list: unknown[] | undefined): string[] => (list ?? []).map((_, i) => `${name}[${i}]`);
  return [
    ...(c.backend !== undefined ? ['backend'] : []),
    ...HOOKS.filter((h) => c.policy?.[h] !== undefined).map((h) => `policy.${h}`),
    ...listed('allows', c.allows),
    ...listed('denies', c.denies),
    ...listed('nat', c.nat),
    ...listed('forwards', c.forwards),
  ];
}

/** Evaluates one allows/denies entry against the input rules. */
function portVerdict(ctx: CheckContext, rs: Ruleset, e: PortEntry, property: string, wantAccept: boolean): void {
  const protocol = e.protocol ?? 'tcp';
  const from = e.source ?? 'any';
  const source = parsePrefix(e.source ?? '0.0.0.0/0');
  const expected = { ...e, protocol, verdict: wantAccept ? 'accept' : { oneOf: ['drop', 'reject'] } };
  if (!source) {
    ctx.report({ property, status: 'error', expected, actual: null, reason: because('firewall.badSource', { source: e.source }) });
    return;
  }
  const d = decideInput(rs, {
    family: source.v6 ? 'ip6' : 'ip',
    proto: protocol,
    dport: e.port,
    source,
    iif: e.interface,
    asserting: wantAccept ? 'allows' : 'denies',
  });
  const accepted = d.verdict === 'accept';
  const ok = accepted === wantAccept;
  const code = wantAccept ? (ok ? 'firewall.allowed' : 'firewall.notAllowed') : ok ? 'firewall.denied' : 'firewall.notDenied';
  const params = { port: e.port, protocol, from, verdict: d.verdict, rule: d.by };
  ctx.report({
    property,
    status: ok ? 'pass' : 'fail',
    expected,
    actual: { verdict: d.verdict, rule: d.by, ...(d.line ? { line: d.line } : {}) },
    reason: because(code, params),
  });
}

/** Why no ruleset could be read, as a reason. */
function unreadable(facts: Exclude<Awaited<ReturnType<CheckContext['system']['firewall']>>, { kind: 'ruleset' }>): Reason {
  if (facts.kind === 'needsRoot') return because('firewall.needsRoot', { tool: facts.tool, detail: facts.detail });
  if (facts.kind === 'failed') return because('firewall.readFailed', { tool: facts.tool, error: facts.error });
  return because('firewall.noTool');
}

/** firewall: default policies, ports allowed or denied, source NAT and port forwards, from nft, iptables or ufw. */
export const firewall: CheckRunner<FirewallCheck> = async (c, ctx) => {
  const facts = await ctx.system.firewall(ctx.signal);
  if (ctx.signal.aborted) return;
  if (facts.kind !== 'ruleset') {
    const reason = unreadable(facts);
    for (const property of properties(c)) ctx.report({ property, status: 'error', actual: null, reason });
    return;
  }
  const rs = facts.ruleset;
  await expectThat(ctx, 'backend', c.backend, rs.backend);
  for (const hook of HOOKS) await expectThat(ctx, `policy.${hook}`, c.policy?.[hook], policyOf(rs, hook));
  (c.allows ?? []).forEach((e, i) => portVerdict(ctx, rs, e, `allows[${i}]`, true));
  (c.denies ?? []).forEach((e, i) => portVerdict(ctx, rs, e, `denies[${i}]`, false));
  (c.nat ?? []).forEach((want, i) => {
    const found = findNat(rs, want);
    const actual = found ? { rule: found.text } : { rules: natTexts(rs, ['masquerade', 'snat']) };
    const reason = found
      ? because('firewall.natFound', { rule: found.text })
      : because('firewall.natMissing', { outInterface: want.outInterface ?? 'any', source: want.source ?? 'any' });
    ctx.report({ property: `nat[${i}]`, status: found ? 'pass' : 'fail', expected: want, actual, reason });
  });
  (c.forwards ?? []).forEach((want, i) => {
    const found = findForward(rs, want);
    const actual = found ? { rule: found.text } : { rules: natTexts(rs, ['dnat', 'redirect']) };
    const params = { port: want.port, protocol: want.protocol ?? 'tcp', to: want.to ?? 'any' };
    const reason = found ? because('firewall.forwardFound', { ...params, rule: found.text }) : because('firewall.forwardMissing', params);
    ctx.report({ property: `forwards[${i}]`, status: found ? 'pass' : 'fail', expected: want, actual, reason });
  });
};
