import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../core/errors';
import { LocalTransport } from '../core/local-transport';
import { parseTarget } from '../core/target';
import { t, type Lang } from '../core/i18n';
import { LocalScriptRunner, type ScriptRunner } from '../core/script-runner';
import { progressText } from '../ssh/progress';
import type { Transport } from '../core/transport';
import { WorkerTransport } from '../core/worker-transport';
import { timedTransport } from './timings';

/** Target flags shared by the commands that run checks. */
export interface TargetFlags {
  target: string;
  identity?: string;
  knownHosts?: string;
  acceptNew?: boolean;
  sudo?: boolean;
}

/** The bundled agent sits beside the CLI bundle in dist/. */
export function agentPath(): string {
  return process.env.TSSR_LAB_AGENT ?? join(__dirname, 'agent.js');
}

/**
 * Builds the transport for `--target`. A local target runs the agent in a worker thread of the CLI (no second Node
 * start-up); TSSR_LAB_AGENT_PROCESS=1 runs it as a child process instead, as the editor always does.
 */
export function makeTransport(flags: TargetFlags, lang: Lang, log: (l: string) => void): Transport {
  const spec = parseTarget(flags.target, lang);
  if (spec.kind === 'local') {
    // sudo is for the remote agent: a local run takes the CLI's own rights.
    if (flags.sudo) throw new UsageError('SUDO_LOCAL', t(lang, 'usage.sudoLocal'));
    return timedTransport(process.env.TSSR_LAB_AGENT_PROCESS ? new LocalTransport(agentPath()) : new WorkerTransport(agentPath()));
  }
  // Required only for an SSH target: loading ssh2 costs a local run tens of milliseconds for nothing.
  const { SshTransport } = require('../ssh/ssh-transport') as typeof import('../ssh/ssh-transport');
  return timedTransport(
    new SshTransport({
      ...spec,
      identityFile: flags.identity,
      passphrase: process.env.TSSR_LAB_SSH_PASSPHRASE,
      knownHostsFile: flags.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'),
      acceptNew: flags.acceptNew,
      sudo: flags.sudo,
      agentSource: readFileSync(agentPath(), 'utf8'),
      agentSocket: process.env.SSH_AUTH_SOCK,
      lang,
      progress: (p) => log(progressText(lang, p)),
    }),
  );
}

/** Builds what runs lifecycle scripts as root on `--target`: this machine (sudo when not root), or the SSH transport. */
export function makeScriptRunner(flags: TargetFlags, lang: Lang, log: (l: string) => void, interactive: boolean): ScriptRunner {
  const spec = parseTarget(flags.target, lang);
  if (spec.kind === 'local') return new LocalScriptRunner(interactive);
  const { SshTransport } = require('../ssh/ssh-transport') as typeof import('../ssh/ssh-transport');
  return new SshTransport({
    ...spec,
    identityFile: flags.identity,
    passphrase: process.env.TSSR_LAB_SSH_PASSPHRASE,
    knownHostsFile: flags.knownHosts ?? join(homedir(), '.ssh', 'known_hosts'),
    acceptNew: flags.acceptNew,
    agentSource: '',
    agentSocket: process.env.SSH_AUTH_SOCK,
    lang,
    progress: (p) => log(progressText(lang, p)),
  });
}
