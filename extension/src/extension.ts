import * as vscode from 'vscode';
import type { Lang } from './core/i18n';
import { registerCommands } from './features/commands';
import { registerDiagnostics } from './features/diagnostics';
import { PackIndex } from './features/pack-index';
import { RunService } from './features/run-service';
import type { Services } from './features/services';
import type { ScriptCoach } from './features/script-coach';
import { registerTesting, type TestingApi } from './features/testing';
import { registerTree } from './features/tree';
import { ErrorBoundary } from './features/error-boundary';
import { createRemoteDocs } from './features/remote-docs';
import { registerTargets, type TargetsApi } from './features/targets';
import { TargetCommandIds } from './features/targets/ids';
import { TargetStore } from './features/targets/store';
import { registerScriptCoach } from './features/script-coach';
import { registerScriptCoachUi } from './features/script-coach-ui';
import { registerEvaluation, type EvaluationView } from './features/evaluation';
import { registerStatement } from './features/statement/register';
import { registerProgress } from './features/progress/register';
import { registerAuthoring } from './features/authoring';

/** The editor's one language (see core/i18n/index.ts): the `tssrLab.language` setting, French unless English is chosen. */
function lang(): Lang {
  return vscode.workspace.getConfiguration('tssrLab').get<string>('language', 'fr') === 'en' ? 'en' : 'fr';
}

/** The public API, used by the in-host tests. */
export interface TssrLabApi {
  services: Services;
  coach: ScriptCoach;
  evaluation: EvaluationView;
  targets: TargetsApi;
  testing: TestingApi;
  activationMs: number;
}

/** The only composition root: builds the services once and hands them to each feature. */
export async function activate(context: vscode.ExtensionContext): Promise<TssrLabApi> {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('TSSR Lab', { log: true });
  const packs = new PackIndex(lang, log);
  const targets = new TargetStore(context.secrets, lang, log);
  const runs = new RunService(context, lang, log, targets);
  const errors = new ErrorBoundary(log, lang, () => vscode.commands.executeCommand(TargetCommandIds.pick));
  const remoteDocs = createRemoteDocs(context, targets, lang);
  const services: Services = { log, lang, packs, runs, targets, errors, remoteDocs };
  context.subscriptions.push(log, packs, targets, runs);
  const targetsApi = registerTargets(context, services);
  registerTree(context, services);
  const testing = registerTesting(context, services);
  registerDiagnostics(context, services);
  registerCommands(context, services);
  registerStatement(context, services);
  registerProgress(context, services);
  const coach = registerScriptCoach(context, services);
  registerScriptCoachUi(context, services, coach);
  const evaluation = registerEvaluation(context, services);
  registerAuthoring(context, services);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tssrLab.language')) void packs.reload();
    }),
  );
  await packs.reload();
  const activationMs = Date.now() - started;
  log.info(`activated in ${activationMs} ms`);
  return { services, coach, evaluation, targets: targetsApi, testing, activationMs };
}

export function deactivate(): void {
  /* disposables are in context.subscriptions */
}
