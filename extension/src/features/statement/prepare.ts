import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { t } from '../../core/i18n';
import { readSetup, setupPlanLines } from '../../core/setup-plan';
import type { ScriptRunner } from '../../core/script-runner';
import { parseTarget } from '../../core/target';
import type { Services } from '../services';
import { targetOrPick } from './resolve';

/** The SSH runner for the configured VM, with the same settings and secret-stored passphrase as the checks. */
async function vmRunner(context: vscode.ExtensionContext, services: Services, target: string): Promise<ScriptRunner> {
  const cfg = vscode.workspace.getConfiguration('tssrLab');
  const spec = parseTarget(target, services.lang());
  if (spec.kind !== 'ssh') throw new Error(t(services.lang(), 'learner.prepareLocal'));
  const identityFile = cfg.get<string>('ssh.identityFile') || undefined;
  // Loaded only for a VM: ssh2 costs the extension's activation nothing until then.
  const { SshTransport } = require('../../ssh/ssh-transport') as typeof import('../../ssh/ssh-transport');
  return new SshTransport({
    ...spec,
    identityFile,
    passphrase: await context.secrets.get(`tssrLab.passphrase:${identityFile ?? ''}`),
    knownHostsFile: cfg.get<string>('ssh.knownHostsFile') || join(homedir(), '.ssh', 'known_hosts'),
    agentSource: '',
    agentSocket: process.env.SSH_AUTH_SOCK,
    lang: services.lang(),
    log: (l) => services.log.trace(l),
  });
}

/**
 * « Préparer la VM »: shows what the exercise's setup will change (the same plan as `tssr-lab start`), asks, then runs
 * it as root on the VM with its output in the log. Resolves to the script's exit code, or undefined when not run.
 */
export async function prepareVm(context: vscode.ExtensionContext, services: Services, arg: unknown): Promise<number | null | undefined> {
  const lang = services.lang();
  const found = await targetOrPick(services, arg);
  const ex = found?.exercise.data;
  if (!found || !ex) return undefined;
  const target = vscode.workspace.getConfiguration('tssrLab').get<string>('target', 'local');
  if (!target.startsWith('ssh://')) {
    void vscode.window.showWarningMessage(t(lang, 'learner.prepareLocal'));
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
  const runner = await vmRunner(context, services, target);
  try {
    const { code } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t(lang, 'learner.prepareRunning', runner.label), cancellable: true },
      (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        services.log.info(t(lang, 'start.running', shown, runner.label));
        const out = (s: string): void => s.split('\n').forEach((l) => l && services.log.info(l));
        return runner.runScript(setup.script, { onStdout: out, onStderr: out, lang, signal: abort.signal });
      },
    );
    if (code === 0) void vscode.window.showInformationMessage(t(lang, 'learner.prepareDone', runner.label, ex.id));
    else {
      const log = t(lang, 'learner.showLog');
      const message = code === null ? t(lang, 'learner.prepareInterrupted', shown, runner.label) : t(lang, 'learner.prepareFailed', shown, runner.label, code);
      void vscode.window.showErrorMessage(message, log).then((c) => c === log && services.log.show());
    }
    return code;
  } finally {
    await runner.dispose();
  }
}
