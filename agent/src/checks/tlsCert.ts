import type { TlsCertCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { because, type Reason } from '../reason';
import type { CertFacts, CertOutcome } from '../system/tls-cert';
import { splitHostPort } from './addr';
import { anyOrder } from '../matchers/any-order';

const DAY_MS = 86_400_000;
const ASSERTED = ['subject', 'issuer', 'san', 'expiresInDays', 'valid', 'selfSigned', 'trusted', 'keyMatches'] as const;

/** Why no certificate could be read, and whether that is the target's state (fail) or the agent's limit (error). */
function noCertificate(c: TlsCertCheck, error: string): { status: 'fail' | 'error'; reason: Reason } {
  if (error === 'EACCES' || error === 'EPERM') return { status: 'error', reason: because('tlsCert.needsRoot', { path: c.path }) };
  if (c.path) return { status: 'fail', reason: because(error === 'EBADPEM' ? 'tlsCert.badPem' : 'tlsCert.unreadable', { path: c.path, error }) };
  return { status: 'fail', reason: because('tlsCert.noHandshake', { address: c.address, error }) };
}

/** Reports `keyMatches`: a key that cannot be read as root is an error, a missing or foreign key a fail. */
async function keyMatches(c: TlsCertCheck, cert: CertFacts, ctx: CheckContext): Promise<void> {
  if (c.keyMatches === undefined) return;
  const k = await ctx.system.privateKeyMatches(cert.pem, c.keyMatches, ctx.signal);
  if (k.kind === 'aborted') return;
  const base = { property: 'keyMatches', expected: true, path: c.keyMatches };
  if (k.kind === 'checked') {
    ctx.report({
      ...base,
      status: k.matches ? 'pass' : 'fail',
      actual: k.matches,
      reason: k.matches ? because('pass', { property: 'keyMatches', expected: true, actual: true }) : because('tlsCert.keyMismatch', { key: c.keyMatches }),
    });
    return;
  }
  const denied = k.error === 'EACCES' || k.error === 'EPERM';
  const code = denied ? 'tlsCert.needsRoot' : k.error === 'EBADKEY' ? 'tlsCert.badKey' : 'tlsCert.unreadable';
  ctx.report({ ...base, status: denied ? 'error' : 'fail', actual: { error: k.error }, reason: because(code, { path: c.keyMatches, error: k.error }) });
}

/** tlsCert: a certificate from a PEM file or a TLS endpoint: names, expiry, self-signature, trust and key. */
export const tlsCert: CheckRunner<TlsCertCheck> = async (c, ctx) => {
  const asked = ASSERTED.filter((p) => c[p] !== undefined);
  let got: CertOutcome;
  if (c.path) got = await ctx.system.certificateFile(c.path, ctx.signal);
  else {
    const { host, port } = splitHostPort(c.address ?? '');
    got = await ctx.system.certificateRemote(host, port, c.serverName, Math.max(1, Math.floor(ctx.timeoutMs * 0.8)), ctx.signal);
  }
  if (got.kind === 'aborted') return;
  if (got.kind === 'failed') {
    const { status, reason } = noCertificate(c, got.error);
    ctx.report({ property: 'certificate', status, actual: { error: got.error }, reason, ...(c.path ? { path: c.path } : {}) });
    skipBecause(ctx, asked, reason);
    return;
  }
  const cert = got.cert;
  const evidence = c.path ? { path: c.path } : {};
  if (asked.length === 0) ctx.report({ property: 'certificate', status: 'pass', reason: because('pass', { property: 'certificate' }), ...evidence });
  const now = Date.now();
  await expectThat(ctx, 'subject', c.subject, cert.subject, evidence);
  await expectThat(ctx, 'issuer', c.issuer, cert.issuer, evidence);
  await expectThat(ctx, 'san', anyOrder(c.san), cert.san, evidence);
  await expectThat(ctx, 'expiresInDays', c.expiresInDays, Math.floor((cert.notAfter - now) / DAY_MS), evidence);
  await expectThat(ctx, 'valid', c.valid, now >= cert.notBefore && now <= cert.notAfter, evidence);
  await expectThat(ctx, 'selfSigned', c.selfSigned, cert.selfSigned, evidence);
  if (c.trusted !== undefined) {
    if (cert.trusted === undefined) skipBecause(ctx, ['trusted'], because('tlsCert.trustNeedsAddress'));
    else if (cert.trusted === c.trusted) await expectThat(ctx, 'trusted', c.trusted, cert.trusted);
    else
      ctx.report({
        property: 'trusted',
        status: 'fail',
        expected: c.trusted,
        actual: cert.trusted,
        reason: because(cert.trusted ? 'tlsCert.trustedAnyway' : 'tlsCert.untrusted', { address: c.address, error: cert.trustError }),
      });
  }
  await keyMatches(c, cert, ctx);
};
