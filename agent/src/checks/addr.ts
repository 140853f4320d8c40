import type { AddrCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { because } from '../reason';

/** Splits `host:port` and `[v6]:port`. */
export function splitHostPort(address: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^([^:]+):(\d+)$/.exec(address);
  return m ? { host: m[1], port: Number(m[2]) } : { host: address, port: NaN };
}

/** The probe's window: tcp waits most of the check's budget; udp silence proves nothing more after a second. */
export function reachWindow(protocol: 'tcp' | 'udp', timeoutMs: number): number {
  const budget = Math.max(1, Math.floor(timeoutMs * 0.8));
  return protocol === 'tcp' ? budget : Math.min(1000, budget);
}

/** addr: whether host:port is reachable from the target over tcp or udp (Goss `addr`). */
export const addr: CheckRunner<AddrCheck> = async (c, ctx) => {
  const protocol = c.protocol ?? 'tcp';
  const expected = c.reachable ?? true;
  const { host, port } = splitHostPort(c.address);
  const windowMs = reachWindow(protocol, ctx.timeoutMs);
  if (!(port >= 1 && port <= 65535)) {
    ctx.report({ property: 'reachable', status: 'error', expected, actual: null, reason: because('addr.badPort', { address: c.address }) });
    return;
  }
  const r = await ctx.system.reach(protocol, host, port, windowMs, ctx.signal);
  if (r.kind === 'aborted') return;
  // udp: silence is all a reachable port without a reply gives (see the schema).
  const actual = r.kind === 'open' || (protocol === 'udp' && r.kind === 'silent');
  const ok = actual === expected;
  const params = { address: c.address, protocol, windowMs };
  const reason = ok
    ? because('pass', { property: 'reachable', expected, actual })
    : actual
      ? because('addr.open', params)
      : r.kind === 'closed'
        ? because('addr.closed', { ...params, error: r.error })
        : because('addr.silent', params);
  ctx.report({ property: 'reachable', status: ok ? 'pass' : 'fail', expected, actual, reason });
};
