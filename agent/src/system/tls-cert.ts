import type { X509Certificate } from 'node:crypto';
import { extraCaStore } from '../extra-ca';
import { readBounded } from './read-bounded';

/** A certificate's facts as plain data (dates in ms since the epoch), and its PEM for key matching. */
export interface CertFacts {
  subject: string | null;
  issuer: string | null;
  san: string[];
  notBefore: number;
  notAfter: number;
  selfSigned: boolean;
  pem: string;
  /** Remote endpoints only: whether the chain is trusted for the name, and why not. */
  trusted?: boolean;
  trustError?: string;
}

/** A certificate, or why none could be had: `error` is an errno code (ENOENT, EACCES…), a TLS code or `EBADPEM`. */
export type CertOutcome = { kind: 'cert'; cert: CertFacts } | { kind: 'failed'; error: string } | { kind: 'aborted' };

/** Whether a private key matches a certificate, or why the key could not be read. */
export type KeyOutcome = { kind: 'checked'; matches: boolean } | { kind: 'failed'; error: string } | { kind: 'aborted' };

/** PEM files are small; a larger file is not a certificate. */
const PEM_CAP = 1024 * 1024;

/** The last CN of a distinguished name as node:crypto prints it (one `key=value` per line). */
function commonName(dn: string): string | null {
  const cns = dn
    .split('\n')
    .filter((l) => l.startsWith('CN='))
    .map((l) => l.slice(3));
  return cns.length ? cns[cns.length - 1] : null;
}

/** Facts of a parsed certificate; SAN entries lose their `DNS:` / `IP Address:` prefixes. */
export function certFacts(x: X509Certificate): CertFacts {
  const san = (x.subjectAltName ?? '')
    .split(/,\s*/)
    .filter(Boolean)
    .map((s) => s.replace(/^(DNS|IP Address|email|URI):/, '').replace(/^"|"$/g, ''));
  let selfSigned = false;
  try {
    selfSigned = x.checkIssued(x) && x.verify(x.publicKey);
  } catch {
    /* an unsupported key type is not self-signed proof */
  }
  return {
    subject: commonName(x.subject),
    issuer: commonName(x.issuer),
    san,
    notBefore: Date.parse(x.validFrom),
    notAfter: Date.parse(x.validTo),
    selfSigned,
    pem: x.toString(),
  };
}

/** Reads a PEM file on the target, bounded; the first certificate of the file is the one described. */
async function readPem(path: string, signal: AbortSignal): Promise<{ text: string } | { error: string } | 'aborted'> {
  const r = await readBounded(path, PEM_CAP, signal);
  if (r.kind === 'aborted') return 'aborted';
  if (r.kind === 'failed') return { error: r.error };
  if (r.kind === 'notRegular') return { error: 'ENOTREG' };
  return { text: r.text };
}

/** The certificate in a PEM file. */
export async function certificateFile(path: string, signal: AbortSignal): Promise<CertOutcome> {
  const pem = await readPem(path, signal);
  if (pem === 'aborted') return { kind: 'aborted' };
  if ('error' in pem) return { kind: 'failed', error: pem.error };
  const { X509Certificate } = require('node:crypto') as typeof import('node:crypto');
  try {
    return { kind: 'cert', cert: certFacts(new X509Certificate(pem.text)) };
  } catch {
    return { kind: 'failed', error: 'EBADPEM' };
  }
}

/** The certificate a TLS endpoint presents, within `windowMs`; the chain is checked but never refused. */
export function certificateRemote(host: string, port: number, serverName: string | undefined, windowMs: number, signal: AbortSignal): Promise<CertOutcome> {
  const tls = require('node:tls') as typeof import('node:tls');
  const { isIP } = require('node:net') as typeof import('node:net');
  // SNI takes a name, never an address (RFC 6066).
  const servername = serverName ?? (isIP(host) ? undefined : host);
  return new Promise((resolve) => {
    const ca = extraCaStore();
    const socket = tls.connect({ host, port, servername, rejectUnauthorized: false, ...(ca ? { ca } : {}) });
    const done = (r: CertOutcome): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(r);
    };
    const onAbort = (): void => done({ kind: 'aborted' });
    const timer = setTimeout(() => done({ kind: 'failed', error: 'ETIMEDOUT' }), windowMs);
    signal.addEventListener('abort', onAbort);
    socket.once('secureConnect', () => {
      // Read the legacy object first: on Node 18, once getPeerX509Certificate() has run, it comes back without subjectaltname.
      const peer = socket.getPeerCertificate();
      const x = socket.getPeerX509Certificate();
      if (!x) {
        done({ kind: 'failed', error: 'ENOCERT' });
        return;
      }
      // With an IP and no serverName, node checks the name against the IP SANs.
      const nameError = tls.checkServerIdentity(serverName ?? host, peer) as NodeJS.ErrnoException | undefined;
      const trustError = socket.authorizationError ? String(socket.authorizationError) : (nameError?.code ?? nameError?.message);
      done({ kind: 'cert', cert: { ...certFacts(x), trusted: trustError === undefined, ...(trustError ? { trustError } : {}) } });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done({ kind: 'failed', error: e.code ?? e.message }));
  });
}

/** Whether the PEM private key at `keyPath` is the one of the certificate (node:crypto checkPrivateKey). */
export async function privateKeyMatches(certPem: string, keyPath: string, signal: AbortSignal): Promise<KeyOutcome> {
  const pem = await readPem(keyPath, signal);
  if (pem === 'aborted') return { kind: 'aborted' };
  if ('error' in pem) return { kind: 'failed', error: pem.error };
  const { X509Certificate, createPrivateKey } = require('node:crypto') as typeof import('node:crypto');
  let key;
  try {
    key = createPrivateKey(pem.text);
  } catch {
    return { kind: 'failed', error: 'EBADKEY' };
  }
  return { kind: 'checked', matches: new X509Certificate(certPem).checkPrivateKey(key) };
}
