import { t, type Lang } from './i18n';
import type { Hop } from './grade/inventory';

/** What the SSH transport did that a user may want to know, as data; the CLI and the editor word it. */
export type SshProgress = { kind: 'agentUploaded'; file: string } | { kind: 'hostKeyRecorded'; fingerprint: string; knownHostsFile: string };

/** A progress event in the user's language, from the catalogue. */
export function progressText(lang: Lang, p: SshProgress): string {
  return p.kind === 'agentUploaded' ? t(lang, 'ssh.agentUploaded', p.file) : t(lang, 'ssh.hostKeyRecorded', p.fingerprint, p.knownHostsFile);
}

/**
 * How to reach and trust an SSH target: plain data, so that core builds it (create-transport.ts) without loading ssh2.
 * extension/src/ssh/ssh-options.ts re-exports it with the helpers the transport needs.
 */
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
  jump?: Hop[];
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
