import type { ServiceCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { ServiceProbe, ServiceState } from '../system/service';
import { errorAll, expectThat, skipBecause } from '../compare';
import { because } from '../reason';

/** Asserted properties, in report order. */
function properties(c: ServiceCheck): string[] {
  const asserted = (['running', 'enabled', 'masked', 'activeSince'] as const).filter((k) => c[k] !== undefined);
  return asserted.length ? asserted : ['running'];
}

/** service: running, enabled, masked and uptime of a service, through the init the target runs (Goss `service`). */
export const service: CheckRunner<ServiceCheck> = async (c, ctx) => {
  const props = properties(c);
  let probe: ServiceProbe | null;
  try {
    probe = await ctx.system.services();
  } catch {
    probe = null;
  }
  // Without a known init there is no service state to read: each property is skipped with the reason, never failed.
  if (!probe) {
    skipBecause(ctx, props, because('service.noInit'));
    return;
  }
  let state: ServiceState;
  try {
    state = await probe.state(c.name, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    errorAll(
      ctx,
      props,
      because(probe.init === 'systemd' ? 'service.systemctlFailed' : 'service.probeFailed', { name: c.name, init: probe.init, error: (e as Error).message }),
    );
    return;
  }
  // A check naming only the service asserts that it runs, as `user` with only a name asserts that it exists.
  await expectThat(ctx, 'running', c.running ?? (props[0] === 'running' && props.length === 1 ? true : undefined), state.running);
  await expectThat(ctx, 'enabled', c.enabled, state.enabled);
  if (c.masked !== undefined) {
    if (state.masked === null) skipBecause(ctx, ['masked'], because('service.systemdOnly', { property: 'masked', init: probe.init }));
    else await expectThat(ctx, 'masked', c.masked, state.masked);
  }
  if (c.activeSince === undefined) return;
  if (state.activeSeconds === null) {
    const expected = typeof c.activeSince === 'number' ? { atLeastSeconds: c.activeSince } : c.activeSince;
    ctx.report({ property: 'activeSince', status: 'fail', expected, actual: null, reason: because('service.notActive', { name: state.source }) });
    return;
  }
  // A plain number keeps its reading, "for at least this many seconds"; an operator applies to the seconds.
  if (typeof c.activeSince !== 'number') return expectThat(ctx, 'activeSince', c.activeSince, state.activeSeconds);
  const expected = { atLeastSeconds: c.activeSince };
  const ok = state.activeSeconds >= c.activeSince;
  ctx.report({
    property: 'activeSince',
    status: ok ? 'pass' : 'fail',
    expected,
    actual: state.activeSeconds,
    reason: because(ok ? 'pass' : 'mismatch', { property: 'activeSince', expected, actual: state.activeSeconds }),
  });
};
