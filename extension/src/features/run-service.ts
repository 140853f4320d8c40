import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TransportError } from '../core/errors';
import type { Exercise } from '../../../schemas/generated/types';
import { t, type Lang } from '../core/i18n';
import { LocalTransport } from '../core/local-transport';
import { hasErrors } from '../core/load';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import type { RunReport } from '../../../schemas/generated/types';
import type { AgentEvent } from '../../../schemas/generated/types';
import { runExercise } from '../core/run';
import { Session } from '../core/session';
import { parseTarget } from '../core/target';
import type { Transport } from '../core/transport';
import { progressText } from '../ssh/progress';
import { SshTransport } from '../ssh/ssh-transport';

/** A change of a critère's state during a run, for the tree, the Testing view and the Problems panel. */
export interface RunUpdate {
  exerciseDir: string;
  session: Session;
  event?: AgentEvent;
  done?: RunReport;
}

/** Runs exercises on the configured target and broadcasts progress. */
export class RunService implements vscode.Disposable {
  /** Latest session per exercise folder, kept after the run so results stay visible. */
  readonly sessions = new Map<string, Session>();
  private readonly updates = new vscode.EventEmitter<RunUpdate>();
  /** Fires on start, on each agent event and at the end of a run. */
  readonly onUpdate = this.updates.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly lang: () => Lang,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private secretKey(identityFile: string | undefined): string {
    return `tssrLab.passphrase:${identityFile ?? ''}`;
  }

  private async transport(acceptNew: boolean): Promise<Transport> {
    const cfg = vscode.workspace.getConfiguration('tssrLab');
    const spec = parseTarget(cfg.get<string>('target', 'local'), this.lang());
    const agentFile = this.context.asAbsolutePath(join('dist', 'agent.js'));
    if (spec.kind === 'local') return new LocalTransport(agentFile);
    const identityFile = cfg.get<string>('ssh.identityFile') || undefined;
    return new SshTransport({
      ...spec,
      identityFile,
      acceptNew,
      sudo: cfg.get<boolean>('ssh.sudo', false),
      passphrase: await this.context.secrets.get(this.secretKey(identityFile)),
      knownHostsFile: cfg.get<string>('ssh.knownHostsFile') || join(homedir(), '.ssh', 'known_hosts'),
      agentSource: readFileSync(agentFile, 'utf8'),
      agentSocket: process.env.SSH_AUTH_SOCK,
      log: (l) => this.log.trace(l),
      progress: (p) => this.log.info(progressText(this.lang(), p)),
    });
  }

  /** Checks one exercise; results stream through onUpdate. Errors are thrown for the command handler to show. */
  async verify(pack: LoadedPack, ex: LoadedExercise, only?: string[], signal?: AbortSignal): Promise<RunReport> {
    // The single gate: no check of an untrusted workspace runs, whichever view asked.
    if (!vscode.workspace.isTrusted) throw new Error(t(this.lang(), 'ui.untrusted'));
    // The same gate as the CLI's check: any error in pack.yaml or exercise.yaml refuses the run.
    if (!ex.data || hasErrors(pack.problems)) throw new Error(t(this.lang(), 'ui.exerciseHasErrors', ex.data ? pack.file : ex.file));
    let acceptNew = false;
    for (let attempt = 0; ; attempt++) {
      const transport = await this.transport(acceptNew);
      try {
        return await this.runOn(transport, pack, ex, ex.data, only, signal);
      } catch (e) {
        if (attempt < 3 && e instanceof TransportError) {
          if (e.code === 'KEY_PASSPHRASE' && (await this.askPassphrase())) continue;
          if (e.code === 'HOST_KEY_UNKNOWN' && (await this.confirmNewHostKey(e.message))) {
            acceptNew = true;
            continue;
          }
        }
        throw e;
      } finally {
        await transport.dispose();
      }
    }
  }

  /** Asks for the key's passphrase and keeps it in SecretStorage (never in settings or logs). */
  private async askPassphrase(): Promise<boolean> {
    const identityFile = vscode.workspace.getConfiguration('tssrLab').get<string>('ssh.identityFile') || undefined;
    const value = await vscode.window.showInputBox({ password: true, ignoreFocusOut: true, prompt: t(this.lang(), 'ui.passphrasePrompt', identityFile ?? '') });
    if (!value) return false;
    await this.context.secrets.store(this.secretKey(identityFile), value);
    return true;
  }

  /** Shows the unknown host key's fingerprint; accepting records it (accept-new), never a changed key. */
  private async confirmNewHostKey(message: string): Promise<boolean> {
    const accept = t(this.lang(), 'ui.trustHostKey');
    return (await vscode.window.showWarningMessage(message, { modal: true }, accept)) === accept;
  }

  private async runOn(
    transport: Transport,
    pack: LoadedPack,
    ex: LoadedExercise,
    exercise: Exercise,
    only: string[] | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RunReport> {
    this.log.info(`verify ${exercise.id} on ${transport.label}`);
    const packInfo = pack.data ? { id: pack.data.id, version: pack.data.version } : undefined;
    const report = await runExercise({
      transport,
      exercise,
      exerciseDir: ex.dir,
      pack: packInfo,
      lang: this.lang(),
      only,
      signal,
      onEvent: (event, session) => {
        this.sessions.set(ex.dir, session);
        this.updates.fire({ exerciseDir: ex.dir, session, event });
      },
    });
    const session = this.sessions.get(ex.dir);
    if (session) this.updates.fire({ exerciseDir: ex.dir, session, done: report });
    this.log.info(`verify ${exercise.id}: ${report.totals.earned}/${report.totals.points} points, outcome ${report.outcome}`);
    return report;
  }

  dispose(): void {
    this.updates.dispose();
  }
}
