import type { HttpCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { MAX_OUTPUT } from '../limits';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';
import { MAX_REDIRECTS } from '../system/http-client';

/** TLS verification errors of node:tls: the learner may need `allowInsecure` for a self-signed certificate. */
const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME/;
/** The probe's own failures, each with its reason. */
const FAILURES: Record<string, string> = { ERR_INVALID_URL: 'http.badUrl', ERR_TOO_MANY_REDIRECTS: 'http.tooManyRedirects', ERR_REDIRECT_PROTOCOL: 'http.badRedirect' };

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
    const code = CERT_ERRORS.test(outcome.error) && !c.allowInsecure ? 'http.untrustedCert' : FAILURES[outcome.error] ?? 'http.noResponse';
    const reason = because(code, { url: outcome.url, error: outcome.error, max: MAX_REDIRECTS });
    ctx.report({ property: 'status', status: 'fail', expected: expectedStatus, actual: { error: outcome.error }, reason });
    const props = [...(c.headers ?? []).map((_, i) => `headers[${i}]`), ...(c.body ?? []).map((_, i) => `body[${i}]`)];
    skipBecause(ctx, props, because('http.noAnswer', { url: c.url }));
    return;
  }
  await expectThat(ctx, 'status', expectedStatus, outcome.status);
  await reportMatchers(ctx, 'headers', { text: outcome.headers.join('\n') }, c.headers);
  await reportMatchers(ctx, 'body', { text: outcome.body, truncated: outcome.truncated ? { limit: MAX_OUTPUT } : undefined }, c.body);
};
