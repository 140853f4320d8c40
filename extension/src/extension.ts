import * as vscode from 'vscode';
import type { Lang } from './core/i18n';
import { registerCommands } from './features/commands';
import { registerDiagnostics } from './features/diagnostics';
import { PackIndex } from './features/pack-index';
import { RunService } from './features/run-service';
import type { Services } from './features/services';
import type { ScriptCoach } from './features/script-coach';
import { registerTesting } from './features/testing';
import { registerTree } from './features/tree';
import { registerScriptCoach } from './features/script-coach';
import { registerScriptCoachUi } from './features/script-coach-ui';
import { registerAuthoring } from './features/authoring';

/** The editor's one language (see core/i18n/index.ts): the setting, else VS Code's display language; French first. */
function lang(): Lang {
  const setting = vscode.workspace.getConfiguration('tssrLab').get<string>('language', 'auto');
  if (setting === 'fr' || setting === 'en') return setting;
  return vscode.env.language.startsWith('en') ? 'en' : 'fr';
}

/** The public API, used by the in-host tests. */
export interface TssrLabApi {
  services: Services;
  coach: ScriptCoach;
  activationMs: number;
}

/** The only composition root: builds the services once and hands them to each feature. */
export async function activate(context: vscode.ExtensionContext): Promise<TssrLabApi> {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('TSSR Lab', { log: true });
  const packs = new PackIndex(lang, log);
  const runs = new RunService(context, lang, log);
  const services: Services = { log, lang, packs, runs };
  context.subscriptions.push(log, packs, runs);
  registerTree(context, services);
  registerTesting(context, services);
  registerDiagnostics(context, services);
  registerCommands(context, services);
  const coach = registerScriptCoach(context, services);
  registerScriptCoachUi(context, services, coach);
  registerAuthoring(context, services);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tssrLab.language')) void packs.reload();
    }),
  );
  await packs.reload();
  const activationMs = Date.now() - started;
  log.info(`activated in ${activationMs} ms`);
  return { services, coach, activationMs };
}

export function deactivate(): void {
  /* disposables are in context.subscriptions */
}
