import * as vscode from 'vscode';
import { join, relative } from 'node:path';
import { t } from '../../core/i18n';
import { readSetup, setupPlanLines } from '../../core/setup-plan';
import type { Services } from '../services';
import { dialogPrompts, withTarget } from '../targets/connect';
import { TargetCommandIds } from '../targets/ids';
import { targetOrPick } from './resolve';

/**
 * « Préparer la VM »: shows what the exercise's setup will change (the same plan as `tssr-lab start`), asks, then runs
 * it as root on the VM with its output in the log. Resolves to the script's exit code, or undefined when not run.
 */
export async function prepareVm(context: vscode.ExtensionContext, services: Services, arg: unknown): Promise<number | null | undefined> {
  const lang = services.lang();
  const found = await targetOrPick(services, arg);
  const ex = found?.exercise.data;
  if (!found || !ex) return undefined;
  const entry = services.targets.active();
  const target = entry.target;
  if (!target.startsWith('ssh://')) {
    const choose = t(lang, 'learner.chooseTarget');
    void vscode.window
      .showWarningMessage(t(lang, 'learner.prepareLocal'), choose)
      .then((c) => c === choose && vscode.commands.executeCommand(TargetCommandIds.pick));
    return undefined;
  }
  const setup = readSetup(found.exercise.dir, ex, lang);
  if (!setup) {
    void vscode.window.showInformationMessage(t(lang, 'start.noSetup', ex.id));
    return undefined;
  }
  const shown = relative(found.pack.dir, setup.file);
  const [first, ...rest] = setupPlanLines(ex.id, target, shown, setup.script, lang);
  const go = t(lang, 'learner.prepareConfirm');
  if ((await vscode.window.showWarningMessage(first, { modal: true, detail: rest.join('\n') }, go)) !== go) return undefined;
  const agentFile = context.asAbsolutePath(join('dist', 'agent.js'));
  // The same connection path as the checks: saved secrets, the passphrase prompt, and trust asked only for a NEW host key.
  const code = await withTarget<number | null>(
    services.targets,
    entry,
    agentFile,
    dialogPrompts(services.lang),
    async (runner) =>
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t(lang, 'learner.prepareRunning', entry.name), cancellable: true },
        async (_p, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          services.log.info(t(lang, 'start.running', shown, runner.label));
          const out = (s: string): void => s.split('\n').forEach((l) => l && services.log.info(l));
          return (await runner.runScript!(setup.script, { onStdout: out, onStderr: out, lang, signal: abort.signal })).code;
        },
      ),
    lang,
  );
  if (code === 0) void vscode.window.showInformationMessage(t(lang, 'learner.prepareDone', entry.name, ex.id));
  else {
    const log = t(lang, 'learner.showLog');
    const message = code === null ? t(lang, 'learner.prepareInterrupted', shown, entry.name) : t(lang, 'learner.prepareFailed', shown, entry.name, code);
    void vscode.window.showErrorMessage(message, log).then((c) => c === log && services.log.show());
  }
  return code;
}
