import type { Matcher } from '../../schemas/generated/types';
import type { CheckContext } from './context';
import { evaluate, same } from './matchers/evaluate';
import { because, type Reason } from './reason';

/** Where the evidence of a verdict was read: a file and line on the target. */
export interface Evidence {
  path?: string;
  line?: number;
}

/** Reports an equality assertion on one property computed by the check itself (not a matcher from the pack). */
export function assertEqual(ctx: CheckContext, property: string, expected: unknown, actual: unknown, evidence: Evidence = {}): void {
  if (expected === undefined) return;
  const ok = same(expected, actual);
  ctx.report({
    property,
    status: ok ? 'pass' : 'fail',
    expected,
    actual,
    reason: because(ok ? 'pass' : 'mismatch', { property, expected, actual }),
    ...evidence,
  });
}

/**
 * Reports one property against a matcher from the pack (a plain value means equals), if the check asserts it.
 * The reason is data (`pass`, `mismatch`, or why no verdict could be given); the client words it.
 */
export async function expectThat(ctx: CheckContext, property: string, expected: Matcher | undefined, actual: unknown, evidence: Evidence = {}): Promise<void> {
  if (expected === undefined) return;
  const v = await evaluate(expected, actual, ctx);
  const status = v.error ? 'error' : v.ok ? 'pass' : 'fail';
  const reason = v.error ?? because(v.ok ? 'pass' : 'mismatch', { property, expected, actual });
  ctx.report({ property, status, expected, actual, reason, ...evidence });
}

/** Reports every listed property as skipped because of one reason (a missing user, an unreadable file…). */
export function skipBecause(ctx: CheckContext, properties: string[], why: Reason): void {
  for (const property of properties) ctx.report({ property, status: 'skip', reason: because('skipped', { why }) });
}

/** Reports every listed property as an error (a probe failed: no verdict), each with the same reason. */
export function errorAll(ctx: CheckContext, properties: string[], reason: Reason, expected?: unknown): void {
  for (const property of properties) ctx.report({ property, status: 'error', ...(expected !== undefined ? { expected } : {}), actual: null, reason });
}

/**
 * Reports a property whose value is a set (groups, members, addresses): a plain list from the pack means exactly
 * these elements in any order (duplicates ignored); an operator (`contains`, `not`, `length`…) applies to the sorted list.
 */
export async function expectSet(ctx: CheckContext, property: string, expected: Matcher | undefined, actual: string[], evidence: Evidence = {}): Promise<void> {
  if (expected === undefined) return;
  const found = [...new Set(actual)].sort();
  if (!Array.isArray(expected)) return expectThat(ctx, property, expected, found, evidence);
  const wanted = [...new Set(expected.map(String))].sort();
  assertEqual(ctx, property, wanted, found, evidence);
}
