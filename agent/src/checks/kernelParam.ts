import type { KernelParamCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat } from '../compare';
import { because } from '../reason';
import { normaliseParam } from '../system/kernel-param';

/** kernelParam: a sysctl value read from /proc/sys (Goss `kernel-param`). */
export const kernelParam: CheckRunner<KernelParamCheck> = async (c, ctx) => {
  // A plain value compares as `sysctl -n` prints it (blanks normalised); an operator applies to that text.
  const expected = typeof c.value === 'object' ? c.value : normaliseParam(String(c.value));
  const read = await ctx.system.kernelParam(c.key);
  if (read.kind === 'failed') {
    const reason =
      read.error === 'BAD_KEY'
        ? because('kernelParam.badKey', { key: c.key })
        : read.error === 'EISDIR'
          ? because('kernelParam.isDirectory', { key: c.key })
          : because('kernelParam.readFailed', { key: c.key, error: read.error });
    ctx.report({ property: 'value', status: 'error', expected, actual: null, reason });
    return;
  }
  if (read.kind === 'missing') {
    // An absent key is a state of the target (a module not loaded yet), so the assertion fails rather than errs.
    ctx.report({ property: 'value', status: 'fail', expected, actual: null, reason: because('kernelParam.missing', { key: c.key }) });
    return;
  }
  await expectThat(ctx, 'value', expected, read.value);
};
