import type { ConfigTestCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { VALIDATORS, verdictOf } from '../system/config-test';
import { because } from '../reason';

/** configTest: runs the daemon's own validator (nginx -t, sshd -t, visudo -c…) and reports the file:line it blames. */
export const configTest: CheckRunner<ConfigTestCheck> = async (c, ctx) => {
  const want = c.valid ?? true;
  const argv = VALIDATORS[c.tool].argv({ file: c.file, zone: c.zone });
  const run = verdictOf(await ctx.system.validate(c.tool, { file: c.file, zone: c.zone }, ctx.signal));
  if ('kind' in run) {
    if (run.kind === 'aborted') return;
    const reason =
      run.kind === 'missing'
        ? because('configTest.toolMissing', { tool: argv[0], package: VALIDATORS[c.tool].package })
        : because('configTest.spawnFailed', { tool: argv[0], error: run.error });
    ctx.report({ property: 'valid', status: 'error', expected: want, actual: null, reason });
    return;
  }
  const ok = run.valid === want;
  const where = run.path !== undefined ? { path: run.path, line: run.line } : {};
  const reason = ok
    ? because('pass', { property: 'valid' })
    : want
      ? because('configTest.invalid', { command: argv.join(' '), code: run.code, detail: run.detail, ...where })
      : because('configTest.unexpectedlyValid', { command: argv.join(' ') });
  ctx.report({ property: 'valid', status: ok ? 'pass' : 'fail', expected: want, actual: run.valid, reason, ...where });
};
