import { existsSync } from 'node:fs';
import { TransportError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { fingerprint, keyTypeOf, type HostKeyVerdict } from '../core/known-hosts';

/** What the transport knew when a connection failed, to word the error. */
export interface FailureContext {
  lang: Lang;
  /** `ssh://user@host:port`. */
  label: string;
  host: string;
  port: number;
  user: string;
  identityFile?: string;
  passphraseGiven: boolean;
  agentSocket?: string;
  knownHostsFile: string;
  verdict?: HostKeyVerdict;
  /** The host key the server presented, if it got that far. */
  hostKey?: Buffer;
  /** Whether the server sent any byte (a silent listener sends none). */
  serverSpoke: boolean;
  readyTimeoutMs: number;
  /** Seconds without an answer after which a live connection is declared dead. */
  deadAfterS: number;
}

/** ssh2 errors carry a level (`client-socket`, `client-authentication`, `client-timeout`) and a socket code. */
export type Ssh2Error = Error & { level?: string; code?: string };

/** Classifies a private-key parse error: a missing or wrong passphrase (one code: the editor asks again), or not a key. */
export function keyError(e: Error, c: FailureContext): TransportError {
  if (/passphrase|bad decrypt|integrity check failed/i.test(e.message)) {
    return c.passphraseGiven
      ? new TransportError('KEY_PASSPHRASE', t(c.lang, 'ssh.passphraseWrong', c.identityFile))
      : new TransportError('KEY_PASSPHRASE', t(c.lang, 'ssh.keyEncrypted', c.identityFile));
  }
  return new TransportError('KEY_INVALID', t(c.lang, 'ssh.keyInvalid', c.identityFile, e.message.replace(/^Cannot parse privateKey: /, '')));
}

function hostKeyError(c: FailureContext, key: Buffer): TransportError | undefined {
  const args = [c.label, keyTypeOf(key), fingerprint(key), c.knownHostsFile, c.host, c.port] as const;
  if (c.verdict === 'changed') return new TransportError('HOST_KEY_CHANGED', t(c.lang, 'ssh.hostKeyChanged', ...args));
  // Same code as an unknown key, so the editor offers to record it; the message says the file itself is missing.
  if (c.verdict === 'unknown' && !existsSync(c.knownHostsFile)) return new TransportError('HOST_KEY_UNKNOWN', t(c.lang, 'ssh.knownHostsMissing', ...args));
  if (c.verdict === 'unknown' || c.verdict === 'revoked') return new TransportError('HOST_KEY_UNKNOWN', t(c.lang, 'ssh.hostKeyUnknown', ...args));
  return undefined;
}

function authError(c: FailureContext): TransportError {
  if (!c.identityFile && !c.agentSocket) return new TransportError('AUTH_FAILED', t(c.lang, 'ssh.authNone', c.label, c.user));
  const what = c.identityFile ? t(c.lang, c.agentSocket ? 'ssh.authKeyAgent' : 'ssh.authKey', c.identityFile) : t(c.lang, 'ssh.authAgent');
  return new TransportError('AUTH_FAILED', t(c.lang, 'ssh.authRefused', c.label, what, c.user));
}

/** Turns an ssh2 or socket error met before the session was ready into a message that says what to do. */
export function connectError(e: Ssh2Error, c: FailureContext): TransportError {
  const host = c.hostKey && hostKeyError(c, c.hostKey);
  if (host) return host;
  if (/Cannot parse privateKey/i.test(e.message)) return keyError(e, c);
  if (e.level === 'client-authentication') return authError(c);
  if (e.code === 'ECONNREFUSED') return new TransportError('UNREACHABLE', t(c.lang, 'ssh.refused', c.label, c.port));
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new TransportError('UNREACHABLE', t(c.lang, 'ssh.hostNotFound', c.host));
  if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || e.code === 'ETIMEDOUT') {
    return new TransportError('UNREACHABLE', t(c.lang, 'ssh.unreachable', c.label, e.code));
  }
  if (/Timed out while waiting for handshake|Connection lost before handshake/i.test(e.message) && !c.serverSpoke) {
    return new TransportError('UNREACHABLE', t(c.lang, 'ssh.silent', c.label, Math.round(c.readyTimeoutMs / 1000)));
  }
  if (/Timed out/i.test(e.message)) return new TransportError('TIMEOUT', t(c.lang, 'ssh.handshakeTimeout', c.label, Math.round(c.readyTimeoutMs / 1000)));
  if (/Keepalive timeout|idle/i.test(e.message)) return new TransportError('CONNECTION_LOST', t(c.lang, 'ssh.noResponse', c.label, c.deadAfterS));
  return new TransportError('SSH_ERROR', t(c.lang, 'ssh.error', c.label, e.message));
}
