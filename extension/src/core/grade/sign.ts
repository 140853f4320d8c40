import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Evaluation, Signature } from '../../../../schemas/generated/types';
import { canonicalize } from './canonical';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The units a verification can name: each critère of each exercise of each host, by JSON pointer. */
function units(report: Evaluation): Map<string, unknown> {
  const out = new Map<string, unknown>();
  report.hosts.forEach((h, i) => h.runs.forEach((r, j) => r.criteria.forEach((c, k) => out.set(`/hosts/${i}/runs/${j}/criteria/${k}`, c))));
  return out;
}

/** Per-unit digests, and `""` for the document with its units left out (and without its signature). */
function digests(report: Evaluation): Record<string, string> {
  const { signature: _ignored, ...unsigned } = report;
  const rest = JSON.parse(JSON.stringify(unsigned)) as Evaluation;
  for (const h of rest.hosts) for (const r of h.runs) r.criteria = r.criteria.map(() => null as never);
  const out: Record<string, string> = { '': sha256(canonicalize(rest)) };
  for (const [pointer, unit] of units(report)) out[pointer] = sha256(canonicalize(unit));
  return out;
}

/** SHA-256 fingerprint of a public key, as ssh-keygen prints it (base64 of the SPKI DER digest). */
export function keyIdOf(key: KeyObject): string {
  return (
    'SHA256:' +
    createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('base64')
      .replace(/=+$/, '')
  );
}

/** Signs a report with an Ed25519 private key (PEM); returns a copy carrying its signature. */
export function signEvaluation(report: Evaluation, privateKeyPem: string | Buffer, now = new Date()): Evaluation {
  const priv = createPrivateKey(privateKeyPem);
  if (priv.asymmetricKeyType !== 'ed25519') throw new TypeError(`an Ed25519 key is needed, not ${priv.asymmetricKeyType}`);
  const keyId = keyIdOf(createPublicKey(priv));
  const d = digests(report);
  const value = sign(null, Buffer.from(canonicalize({ keyId, digests: d })), priv).toString('base64');
  const signature: Signature = { alg: 'Ed25519', canonicalization: 'RFC8785', keyId, digests: d, value, signedAt: now.toISOString() };
  return { ...report, signature };
}

/** What a verification found. `changed` names the JSON pointers whose content differs from what was signed. */
export type Verdict = { ok: true; keyId: string } | { ok: false; why: 'unsigned' | 'otherKey' | 'badSignature' | 'changed'; changed: string[]; keyId?: string };

/** Verifies a signed report against a public key (PEM); names each critère (or the rest) edited since signing. */
export function verifyEvaluation(report: Evaluation, publicKeyPem: string | Buffer): Verdict {
  const sig = report.signature;
  if (!sig) return { ok: false, why: 'unsigned', changed: [] };
  const pub = createPublicKey(publicKeyPem);
  const keyId = keyIdOf(pub);
  if (keyId !== sig.keyId) return { ok: false, why: 'otherKey', changed: [], keyId: sig.keyId };
  const now = digests(report);
  const changed = [...new Set([...Object.keys(now), ...Object.keys(sig.digests)])].filter((p) => now[p] !== sig.digests[p]).sort();
  const signed = verify(null, Buffer.from(canonicalize({ keyId: sig.keyId, digests: sig.digests })), pub, Buffer.from(sig.value, 'base64'));
  if (!signed) return { ok: false, why: 'badSignature', changed, keyId };
  if (changed.length) return { ok: false, why: 'changed', changed, keyId };
  return { ok: true, keyId };
}
