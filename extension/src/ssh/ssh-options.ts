import type { Lang } from '../core/i18n';
import type { SshProgress } from './progress';
import type { FailureContext } from './ssh-errors';

/** How to reach and trust an SSH target. */
export interface SshOptions {
  host: string;
  port: number;
  user: string;
  /** Path of a private key; ssh-agent is also tried when SSH_AUTH_SOCK is set. */
  identityFile?: string;
  passphrase?: string;
  /** known_hosts file that host keys are verified against. */
  knownHostsFile: string;
  /** Trust and record a host key that is unknown (never one that changed). */
  acceptNew?: boolean;
  /** Trust and record an unknown host key only if it has this fingerprint (the one the user saw and approved). */
  acceptFingerprint?: string;
  /** Password authentication (kept by the editor in SecretStorage, never in settings). */
  password?: string;
  /** Hosts to jump through first, in order (ssh's ProxyJump), each verified against the same known_hosts. */
  jump?: Array<{ host: string; port: number; user: string; key?: string }>;
  /** The bundled agent's source, uploaded under its content hash. */
  agentSource: string;
  agentSocket?: string;
  /** Language of error messages; else the run's, else French unless TSSR_LAB_LANG or LANG says English. */
  lang?: Lang;
  /** TCP connect + SSH handshake + authentication must finish within this (default 15 s). */
  readyTimeoutMs?: number;
  /** Keepalive probe period once connected (default 5 s). */
  keepaliveIntervalMs?: number;
  /** Unanswered probes before the connection is declared dead (default 3: dead within 20 s of silence). */
  keepaliveCountMax?: number;
  /** Backstop: nothing received for this long ends the connection (default 30 s). */
  idleTimeoutMs?: number;
  /** TCP_NODELAY on the connection (default true; false only to measure what it saves). */
  tcpNoDelay?: boolean;
  /** Runs the agent as root with `sudo -n` (a NOPASSWD rule for the agent's command is needed). */
  sudo?: boolean;
  /** Receives trace lines for developers and tests, in English (never secrets). */
  log?: (line: string) => void;
  /** Receives what a user may want to know (an upload, a recorded host key) as data, to word in their language. */
  progress?: (p: SshProgress) => void;
  /** Receives timing marks (`ssh ready`, `ssh session: …`) for benches and tests. */
  trace?: (line: string) => void;
}

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
