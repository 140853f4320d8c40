import type { Lang } from '../core/i18n';
import type { SshOptions } from '../core/ssh-options';
import type { FailureContext } from './ssh-errors';

// The plain options live in core (built there without ssh2); re-exported so that imports from here keep working.
export type { SshOptions };

/** Seconds of silence after which the keepalive declares a live connection dead. */
export function deadAfterS(o: SshOptions): number {
  return Math.round(((o.keepaliveIntervalMs ?? 5000) * ((o.keepaliveCountMax ?? 3) + 1)) / 1000);
}

/** What a connection failure's message is worded from, before the connection has learnt anything. */
export function failureContext(o: SshOptions, lang: Lang, label: string): FailureContext {
  return {
    lang,
    label,
    host: o.host,
    port: o.port,
    user: o.user,
    identityFile: o.identityFile,
    passphraseGiven: !!o.passphrase,
    agentSocket: o.agentSocket,
    knownHostsFile: o.knownHostsFile,
    serverSpoke: false,
    readyTimeoutMs: o.readyTimeoutMs ?? 15_000,
    deadAfterS: deadAfterS(o),
  };
}
