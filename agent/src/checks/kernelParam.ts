import type { KernelParamCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual } from '../compare';
import { msg } from '../messages';
import { normaliseParam } from '../system/kernel-param';

/** kernelParam: a sysctl value read from /proc/sys (Goss `kernel-param`). */
export const kernelParam: CheckRunner<KernelParamCheck> = async (c, ctx) => {
  const expected = normaliseParam(String(c.value));
  const read = await ctx.system.kernelParam(c.key);
  if (read.kind === 'failed') {
    const reason = msg(ctx.lang, 'paramFailed', c.key, read.error);
    ctx.report({ property: 'value', status: 'error', expected, actual: null, message: msg(ctx.lang, 'propertyError', 'value', reason) });
    return;
  }
  if (read.kind === 'missing') {
    // An absent key is a state of the target (a module not loaded yet), so the assertion fails rather than errs.
    ctx.report({ property: 'value', status: 'fail', expected, actual: null, message: msg(ctx.lang, 'propertyError', 'value', msg(ctx.lang, 'missingParam', c.key)) });
    return;
  }
  assertEqual(ctx, 'value', expected, read.value);
};
