import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TransportError, UsageError } from './errors';
import type { Candidate, Hop } from './grade/inventory';
import { t, type Lang } from './i18n';
import { LocalTransport } from './local-transport';
import { LocalScriptRunner, type ScriptRunner } from './script-runner';
import { progressText, type SshOptions } from './ssh-options';
import type { Transport } from './transport';
import { WorkerTransport } from './worker-transport';

/** Where checks run: this machine, or an SSH host (from parseTarget, a saved target or a grading candidate). */
export type TransportTarget = { kind: 'local' } | { kind: 'ssh'; host: string; port: number; user: string; jump?: Hop[] };

/** Everything the CLI, the editor and the evaluator say about a target; createTransport fills in the defaults. */
export interface TransportRequest {
  target: TransportTarget;
  /** The bundled agent (dist/agent.js): run here, or read once and uploaded over SSH. */
  agentFile: string;
  lang: Lang;
  /**
   * A local agent runs in a worker thread of this process (the CLI: no second Node start-up) or in a child process
   * (default; the editor: the agent's process-wide V8 flags must not reach the shared extension host).
   */
  local?: 'worker' | 'process';
  identityFile?: string;
  /** Default: ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  acceptNew?: boolean;
  acceptFingerprint?: string;
  /** The remote agent runs through `sudo -n`; refused for a local target (the CLI's own rights apply there). */
  sudo?: boolean;
  passphrase?: string;
  password?: string;
  /** 'password': log in with the password only, never offering ssh-agent keys. */
  auth?: 'agent' | 'key' | 'password';
  /** ssh-agent socket; default SSH_AUTH_SOCK, none with password authentication. */
  agentSocket?: string;
  /** Trace lines for developers, in English. */
  log?: (line: string) => void;
  /** What the user may want to know (an upload, a recorded host key), worded in `lang`. */
  notify?: (line: string) => void;
}

/** Builds the SSH transport from plain options; the caller's factory loads ssh2 on its first call only (ssh/lazy.ts). */
export type SshFactory<S extends Transport & ScriptRunner = Transport & ScriptRunner> = (options: SshOptions) => S;

type SshRequest = TransportRequest & { target: { kind: 'ssh' } };

const sources = new Map<string, { stamp: string; text: string }>();

/** The agent's source, read once per file version: a room of 16 hosts does not read it 16 times. */
function agentSource(file: string, lang: Lang): string {
  let stamp: string;
  try {
    const s = statSync(file);
    stamp = `${s.size}:${s.mtimeMs}`;
  } catch {
    throw new TransportError('AGENT_MISSING', t(lang, 'transport.agentMissing', file));
  }
  const hit = sources.get(file);
  if (hit?.stamp === stamp) return hit.text;
  const text = readFileSync(file, 'utf8');
  sources.set(file, { stamp, text });
  return text;
}

/** The SSH options a request means, every default filled in here and nowhere else. `source` overrides the agent's. */
export function sshOptions(r: SshRequest, source?: string): SshOptions {
  const { kind: _kind, ...where } = r.target;
  const passwordAuth = r.auth === 'password' || r.password !== undefined;
  const notify = r.notify;
  return {
    ...where,
    identityFile: r.identityFile,
    passphrase: r.passphrase,
    password: r.password,
    knownHostsFile: r.knownHostsFile || join(homedir(), '.ssh', 'known_hosts'),
    acceptNew: r.acceptNew,
    acceptFingerprint: r.acceptFingerprint,
    sudo: r.sudo,
    agentSource: source ?? agentSource(r.agentFile, r.lang),
    agentSocket: passwordAuth ? undefined : (r.agentSocket ?? process.env.SSH_AUTH_SOCK),
    lang: r.lang,
    log: r.log,
    progress: notify && ((p) => notify(progressText(r.lang, p))),
  };
}

/** The one way to reach a target: the local agent (worker thread or child process) or the SSH transport. */
export function createTransport<S extends Transport & ScriptRunner>(request: SshRequest, ssh: SshFactory<S>): S;
export function createTransport<S extends Transport & ScriptRunner>(request: TransportRequest, ssh: SshFactory<S>): Transport | S;
export function createTransport<S extends Transport & ScriptRunner>(request: TransportRequest, ssh: SshFactory<S>): Transport | S {
  if (request.target.kind === 'ssh') return ssh(sshOptions(request as SshRequest));
  if (request.sudo) throw new UsageError('SUDO_LOCAL', t(request.lang, 'usage.sudoLocal'));
  return request.local === 'worker' ? new WorkerTransport(request.agentFile) : new LocalTransport(request.agentFile);
}

/**
 * What runs lifecycle scripts as root on the target: this machine (sudo when not root; `interactive` lets sudo ask its
 * password), or the SSH transport, which runs scripts only and never needs the agent.
 */
export function createScriptRunner(request: TransportRequest, ssh: SshFactory, interactive: boolean): ScriptRunner {
  if (request.target.kind === 'local') return new LocalScriptRunner(interactive);
  return ssh(sshOptions({ ...(request as SshRequest), sudo: undefined }, ''));
}

/** A grading candidate's request: its host, user and jumps; its own key, else the evaluator's default identity. */
export function candidateRequest(c: Candidate, defaults: Omit<TransportRequest, 'target'>): SshRequest {
  return {
    ...defaults,
    target: { kind: 'ssh', host: c.host, port: c.port, user: c.user, jump: c.jump },
    identityFile: c.key ?? defaults.identityFile,
  };
}
