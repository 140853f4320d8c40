import { join } from 'node:path';
import { createScriptRunner, createTransport, type TransportRequest } from '../core/create-transport';
import type { Lang } from '../core/i18n';
import type { ScriptRunner } from '../core/script-runner';
import { parseTarget } from '../core/target';
import type { Transport } from '../core/transport';
import { sshFactory } from '../ssh/lazy';
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
 * What the flags ask for. A local target runs the agent in a worker thread of the CLI (no second Node start-up; the
 * launcher's early worker is adopted); TSSR_LAB_AGENT_PROCESS=1 runs it as a child process instead, as the editor does.
 */
export function cliRequest(flags: TargetFlags, lang: Lang, log: (l: string) => void): TransportRequest {
  return {
    target: parseTarget(flags.target, lang),
    agentFile: agentPath(),
    lang,
    local: process.env.TSSR_LAB_AGENT_PROCESS ? 'process' : 'worker',
    identityFile: flags.identity,
    knownHostsFile: flags.knownHosts,
    acceptNew: flags.acceptNew,
    sudo: flags.sudo,
    passphrase: process.env.TSSR_LAB_SSH_PASSPHRASE,
    notify: log,
  };
}

/** Builds the transport for `--target`, timed when TSSR_LAB_TIMINGS asks. */
export function makeTransport(flags: TargetFlags, lang: Lang, log: (l: string) => void): Transport {
  return timedTransport(createTransport(cliRequest(flags, lang, log), sshFactory));
}

/** Builds what runs lifecycle scripts as root on `--target`: this machine (sudo when not root), or the SSH transport. */
export function makeScriptRunner(flags: TargetFlags, lang: Lang, log: (l: string) => void, interactive: boolean): ScriptRunner {
  return createScriptRunner(cliRequest(flags, lang, log), sshFactory, interactive);
}
