import type { RouteCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { because } from '../reason';
import { formatIp, maskIp, parseIp } from '../system/ip-address';

/** The canonical CIDR of a destination as written in a pack (`default`, a network, a host), or undefined if invalid. */
export function routeKey(destination: string, family: 'ipv4' | 'ipv6'): string | undefined {
  if (destination === 'default') return family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  const [text, len] = destination.split('/');
  const ip = parseIp(text);
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = len === undefined ? max : Number(len);
  if (!ip || ip.family !== family || !(prefix >= 0 && prefix <= max)) return undefined;
  return `${formatIp(maskIp(ip, prefix))}/${prefix}`;
}

/** route: a route of the main table, its gateway, device and metric; `destination: default` is the default gateway. */
export const route: CheckRunner<RouteCheck> = async (c, ctx) => {
  const family = c.family ?? (c.destination.includes(':') ? 'ipv6' : 'ipv4');
  const asked = (['gateway', 'device', 'metric'] as const).filter((p) => c[p] !== undefined);
  const key = routeKey(c.destination, family);
  const source = family === 'ipv4' ? '/proc/net/route' : '/proc/net/ipv6_route';
  if (key === undefined) {
    ctx.report({
      property: 'exists',
      status: 'error',
      expected: c.destination,
      actual: null,
      reason: because('route.badDestination', { destination: c.destination, family }),
    });
    return;
  }
  let routes;
  try {
    routes = await ctx.system.routes(family);
  } catch (e) {
    const reason = because('route.unreadable', { path: source, error: (e as NodeJS.ErrnoException).code ?? String(e) });
    for (const property of ['exists', ...asked]) ctx.report({ property, status: 'error', reason });
    return;
  }
  // The kernel uses the lowest metric among routes to the same destination.
  const found = routes.filter((r) => r.destination === key).sort((a, b) => a.metric - b.metric);
  await expectThat(ctx, 'exists', c.exists ?? true, found.length > 0, { path: source });
  if (found.length === 0) {
    skipBecause(ctx, asked, because('route.missing', { destination: key }));
    return;
  }
  await expectThat(ctx, 'gateway', c.gateway, found[0].gateway, { path: source });
  await expectThat(ctx, 'device', c.device, found[0].device, { path: source });
  await expectThat(ctx, 'metric', c.metric, found[0].metric, { path: source });
};
