import type { ServiceCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { UnitState } from '../system/service-systemd';
import { errorAll, expectThat, skipBecause } from '../compare';
import { because } from '../reason';
import { isEnabled } from '../system/service-systemd';

/** Asserted properties, in report order. */
function properties(c: ServiceCheck): string[] {
  const asserted = (['running', 'enabled', 'masked', 'activeSince'] as const).filter((k) => c[k] !== undefined);
  return asserted.length ? asserted : ['running'];
}

/** service: a systemd unit's running, enabled and masked states, from one `systemctl show` (Goss `service`). */
export const service: CheckRunner<ServiceCheck> = async (c, ctx) => {
  const props = properties(c);
  // Without systemd as PID 1 there is no service state to read: each property is skipped with the reason, never failed.
  if (!(await ctx.system.systemd())) {
    skipBecause(ctx, props, because('service.noSystemd'));
    return;
  }
  let unit: UnitState;
  try {
    unit = await ctx.system.unit(c.name, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) return;
    errorAll(ctx, props, because('service.systemctlFailed', { name: c.name, error: (e as Error).message }));
    return;
  }
  // A check naming only the unit asserts that it runs, as `user` with only a name asserts that it exists.
  await expectThat(ctx, 'running', c.running ?? (props[0] === 'running' && props.length === 1 ? true : undefined), unit.activeState === 'active');
  await expectThat(ctx, 'enabled', c.enabled, isEnabled(unit.unitFileState));
  await expectThat(ctx, 'masked', c.masked, unit.loadState === 'masked' || unit.unitFileState.startsWith('masked'));
  if (c.activeSince === undefined) return;
  if (unit.activeSeconds === null) {
    const expected = typeof c.activeSince === 'number' ? { atLeastSeconds: c.activeSince } : c.activeSince;
    ctx.report({ property: 'activeSince', status: 'fail', expected, actual: null, reason: because('service.notActive', { name: unit.unit }) });
    return;
  }
  // A plain number keeps its reading, "for at least this many seconds"; an operator applies to the seconds.
  if (typeof c.activeSince !== 'number') return expectThat(ctx, 'activeSince', c.activeSince, unit.activeSeconds);
  const expected = { atLeastSeconds: c.activeSince };
  const ok = unit.activeSeconds >= c.activeSince;
  ctx.report({ property: 'activeSince', status: ok ? 'pass' : 'fail', expected, actual: unit.activeSeconds, reason: because(ok ? 'pass' : 'mismatch', { property: 'activeSince', expected, actual: unit.activeSeconds }) });
};
