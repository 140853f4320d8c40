import type { HttpCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { MAX_OUTPUT } from '../limits';
import { reportMatchers } from '../matchers/text';
import { because, type Reason } from '../reason';
import type { HttpOutcome } from '../system/http-client';

/** TLS verification errors of node:tls: the learner may need `allowInsecure` or `caFile` for a private certificate. */
const CERT_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME/;

/** Why no response came, as a reason for the client to word. */
function noResponse(c: HttpCheck, out: Extract<HttpOutcome, { kind: 'failed' }>): Reason {
  if (out.caFile) return because('http.caFileUnreadable', { path: out.caFile, error: out.error });
  if (out.error === 'ETOOMANYREDIRECTS') return because('http.tooManyRedirects', { url: out.url, max: c.maxRedirects ?? 10 });
  if (out.error === 'EBADREDIRECT') return because('http.badRedirect', { url: out.url });
  if (CERT_ERRORS.test(out.error) && !c.allowInsecure) return because('http.untrustedCert', { url: out.url, error: out.error });
  return because('http.noResponse', { url: out.url, error: out.error });
}

/** Request headers, with basic authentication from `username`/`password` when given. */
function requestHeaders(c: HttpCheck): Record<string, string> {
  const headers = { ...(c.requestHeaders ?? {}) };
  if (c.username !== undefined) headers.authorization = `Basic ${Buffer.from(`${c.username}:${c.password ?? ''}`).toString('base64')}`;
  return headers;
}

/** http: one request from the target; asserts the final status, redirects, response headers and body (Goss `http`). */
export const http: CheckRunner<HttpCheck> = async (c, ctx) => {
  const expectedStatus = c.status ?? 200;
  const outcome = await ctx.system.http(
    {
      url: c.url,
      method: c.method ?? 'GET',
      headers: requestHeaders(c),
      body: c.requestBody,
      followRedirects: !c.noFollowRedirects && c.maxRedirects !== 0,
      allowInsecure: c.allowInsecure ?? false,
      maxBody: MAX_OUTPUT,
      ...(c.maxRedirects !== undefined ? { maxRedirects: c.maxRedirects } : {}),
      ...(c.caFile !== undefined ? { caFile: c.caFile } : {}),
      ...(c.serverName !== undefined ? { serverName: c.serverName } : {}),
    },
    ctx.signal,
  );
  if (outcome.kind === 'aborted') return;
  if (outcome.kind === 'failed') {
    // Nothing answering (refused, unreachable, untrusted certificate) is the target's state: the status fails.
    const reason = noResponse(c, outcome);
    ctx.report({ property: 'status', status: 'fail', expected: expectedStatus, actual: { error: outcome.error }, reason });
    const props = [
      ...(['redirects', 'finalUrl'] as const).filter((p) => c[p] !== undefined),
      ...(c.headers ?? []).map((_, i) => `headers[${i}]`),
      ...(c.body ?? []).map((_, i) => `body[${i}]`),
    ];
    skipBecause(ctx, props, because('http.noResponse', { url: outcome.url, error: outcome.error }));
    return;
  }
  await expectThat(ctx, 'status', expectedStatus, outcome.status);
  await expectThat(ctx, 'redirects', c.redirects, outcome.redirects);
  await expectThat(ctx, 'finalUrl', c.finalUrl, outcome.url);
  await reportMatchers(ctx, 'headers', { text: outcome.headers.join('\n') }, c.headers);
  await reportMatchers(ctx, 'body', { text: outcome.body, truncated: outcome.truncated ? { limit: MAX_OUTPUT } : undefined }, c.body);
};
