import type { HttpCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, skipAll } from '../compare';
import { MAX_OUTPUT } from '../limits';
import { reportMatchers } from '../matchers/text';
import { msg } from '../messages';

/** TLS verification errors of node:tls: the learner may need `allowInsecure` for a self-signed certificate. */
const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME/;

/** http: one request from the target; asserts the final status, the response headers and the body (Goss `http`). */
export const http: CheckRunner<HttpCheck> = async (c, ctx) => {
  const expectedStatus = c.status ?? 200;
  const outcome = await ctx.system.http({
    url: c.url, method: c.method ?? 'GET', headers: c.requestHeaders ?? {}, body: c.requestBody,
    followRedirects: !c.noFollowRedirects, allowInsecure: c.allowInsecure ?? false, maxBody: MAX_OUTPUT,
  }, ctx.signal);
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'failed') {
    // Nothing answering (refused, unreachable, untrusted certificate) is the target's state: the status fails.
    const hint = CERT_ERRORS.test(outcome.error) && !c.allowInsecure ? msg(ctx.lang, 'httpCertHint') : '';
    const reason = msg(ctx.lang, 'httpFailed', outcome.url, outcome.error) + hint;
    ctx.report({ property: 'status', status: 'fail', expected: expectedStatus, actual: { error: outcome.error }, message: msg(ctx.lang, 'propertyError', 'status', reason) });
    const props = [...(c.headers ?? []).map((_, i) => `headers[${i}]`), ...(c.body ?? []).map((_, i) => `body[${i}]`)];
    skipAll(ctx, props, msg(ctx.lang, 'noResponse', c.url));
    return;
  }
  assertEqual(ctx, 'status', expectedStatus, outcome.status);
  await reportMatchers(ctx, 'headers', { text: outcome.headers.join('\n') }, c.headers);
  await reportMatchers(ctx, 'body', { text: outcome.body, truncated: outcome.truncated ? { limit: MAX_OUTPUT } : undefined }, c.body);
};
