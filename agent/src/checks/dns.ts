import type { DnsCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { because } from '../reason';
import { anyOrder } from '../matchers/any-order';

/** Errors meaning the server gave no usable answer (down, unreachable, refusing, broken zone). */
const NO_REPLY = new Set(['ETIMEOUT', 'ECONNREFUSED']);

/** dns: a name's records of one type, asked of a given server (Goss `dns`). */
export const dns: CheckRunner<DnsCheck> = async (c, ctx) => {
  const recordType = c.recordType ?? 'A';
  const tries = c.tries ?? 2;
  // c-ares doubles the wait at each retry: t + 2t + 4t… must fit in the budget, leaving the check time to report.
  const budgetMs = Math.floor(ctx.timeoutMs * 0.8);
  const tryTimeoutMs = Math.max(1, Math.floor(budgetMs / (2 ** tries - 1)));
  const asked = (['addrs', 'values'] as const).filter((p) => c[p] !== undefined);
  const params = { name: c.name, recordType, server: c.server ?? '/etc/resolv.conf' };
  const out = await ctx.system.dns({ name: c.name, recordType, server: c.server, tries, tryTimeoutMs }, ctx.signal);
  if (out.kind === 'aborted') return;
  const expected = c.resolvable ?? true;
  if (out.kind === 'failed') {
    const bad = out.code === 'EBADSERVER';
    const reason = bad
      ? because('dns.badServer', params)
      : NO_REPLY.has(out.code)
        ? because('dns.noReply', { ...params, error: out.code, timeoutMs: budgetMs })
        : because('dns.serverError', { ...params, error: out.code });
    // A server that does not answer proves nothing either way: the learner's server must answer.
    ctx.report({ property: 'resolvable', status: bad ? 'error' : 'fail', expected, actual: { error: out.code }, reason });
    skipBecause(ctx, asked, reason);
    return;
  }
  const actual = out.kind === 'answers';
  if (actual === expected)
    ctx.report({ property: 'resolvable', status: 'pass', expected, actual, reason: because('pass', { property: 'resolvable', expected, actual }) });
  else ctx.report({ property: 'resolvable', status: 'fail', expected, actual, reason: because(actual ? 'dns.resolved' : 'dns.noRecord', params) });
  if (out.kind === 'none') {
    skipBecause(ctx, asked, because('dns.noRecord', params));
    return;
  }
  await expectThat(ctx, 'addrs', anyOrder(c.addrs), out.values);
  await expectThat(ctx, 'values', anyOrder(c.values), out.values);
};
