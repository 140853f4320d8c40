import type { InterfaceCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { anyOrder } from '../matchers/any-order';
import { because } from '../reason';

/** interface: a network interface's existence, state, carrier, MTU, MAC and addresses (Goss `interface`). */
export const netInterface: CheckRunner<InterfaceCheck> = async (c, ctx) => {
  const facts = await ctx.system.netInterface(c.name, ctx.signal);
  const dir = `/sys/class/net/${c.name}`;
  const asked = (['state', 'carrier', 'mtu', 'mac', 'addrs'] as const).filter((p) => c[p] !== undefined);
  await expectThat(ctx, 'exists', c.exists ?? true, facts.kind === 'found', { path: dir });
  if (facts.kind === 'missing') {
    skipBecause(ctx, asked, because('interface.missing', { name: c.name }));
    return;
  }
  await expectThat(ctx, 'state', c.state, facts.state, { path: `${dir}/flags` });
  await expectThat(ctx, 'carrier', c.carrier, facts.carrier, { path: `${dir}/carrier` });
  await expectThat(ctx, 'mtu', c.mtu, facts.mtu, { path: `${dir}/mtu` });
  await expectThat(ctx, 'mac', c.mac, facts.mac, { path: `${dir}/address` });
  if (c.addrs === undefined) return;
  if (Array.isArray(facts.addrs)) {
    await expectThat(ctx, 'addrs', anyOrder(c.addrs), facts.addrs);
    return;
  }
  ctx.report({
    property: 'addrs',
    status: 'error',
    expected: c.addrs,
    actual: null,
    reason: because('interface.addrsUnreadable', { name: c.name, error: facts.addrs.error }),
  });
};
