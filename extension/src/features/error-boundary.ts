import * as vscode from 'vscode';
import { LabError, TransportError, UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';

/** What the boundary last showed, for the in-host tests (the notification itself is out of their reach). */
export interface ShownError {
  message: string;
  buttons: string[];
  code?: string;
}

/** Command id of « Voir le journal ». */
export const ShowLogCommandId = 'tssrLab.showLog';

/**
 * The one error boundary of the editor: every command goes through `guard`, every failure is shown once in the
 * user's language with the buttons that fix it, and the stack goes to the LogOutputChannel, never to the user.
 */
export class ErrorBoundary {
  /** The last error shown (tests read it). */
  lastShown: ShownError | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly lang: () => Lang,
    /** Opens the target quick pick (set by the targets feature). */
    private readonly chooseTarget: () => Thenable<unknown>,
  ) {}

  /** Registers a command whose failures reach the user through this boundary. */
  register(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        this.show(e);
        return undefined;
      }
    });
  }

  /** Logs an error and shows it (without waiting for the user's choice). */
  show(e: unknown, prefix?: string): void {
    const lang = this.lang();
    const err = e instanceof Error ? e : new Error(String(e));
    this.log.error(err.stack ?? err.message);
    const text = err instanceof LabError ? err.message : t(lang, 'runUi.unexpected', err.message);
    const message = prefix ? `${prefix} ${text}` : text;
    const aboutTarget = err instanceof TransportError || (err instanceof UsageError && err.code === 'BAD_TARGET');
    this.notify(message, aboutTarget, err instanceof LabError ? err.code : undefined);
  }

  /** Shows an error sentence with « Voir le journal », and the target's buttons when the target is the cause. */
  notify(message: string, aboutTarget: boolean, code?: string): void {
    const lang = this.lang();
    const choose = t(lang, 'runUi.chooseTarget');
    const settings = t(lang, 'runUi.openSettings');
    const logButton = t(lang, 'runUi.showLog');
    const buttons = aboutTarget ? [choose, settings, logButton] : [logButton];
    this.lastShown = { message, buttons, ...(code ? { code } : {}) };
    void vscode.window.showErrorMessage(message, ...buttons).then((picked) => {
      if (picked === choose) return this.chooseTarget();
      if (picked === settings) return vscode.commands.executeCommand('workbench.action.openSettings', 'tssrLab');
      if (picked === logButton) this.log.show();
      return undefined;
    });
  }
}
