import type { CheckContext } from './context';
import { msg } from './messages';

/** Reports an equality assertion on one property, if the check asserts it. */
export function assertEqual(ctx: CheckContext, property: string, expected: unknown, actual: unknown, evidence: { path?: string; line?: number } = {}): void {
  if (expected === undefined) return;
  const ok = JSON.stringify(expected) === JSON.stringify(actual);
  ctx.report({
    property,
    status: ok ? 'pass' : 'fail',
    expected,
    actual,
    message: ok ? msg(ctx.lang, 'pass', property) : msg(ctx.lang, 'mismatch', property, expected, actual),
    ...evidence,
  });
}

/** Reports every listed property as skipped, with the reason. */
export function skipAll(ctx: CheckContext, properties: string[], reason: string): void {
  for (const property of properties) {
    ctx.report({ property, status: 'skip', message: msg(ctx.lang, 'skipped', reason) });
  }
}
