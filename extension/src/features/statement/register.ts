import * as vscode from 'vscode';
import { LearnerStore } from '../progress/store';
import { CommandIds, type Services } from '../services';
import { nextHint } from './hints';
import { LearnerCommands } from './ids';
import { StatementPanels } from './panel';
import { prepareVm } from './prepare';
import { targetOrPick } from './resolve';
import { restoreLearnerDirs, startExercise } from './starter';

/** The statement webview and its commands: open it, Commencer, Indice suivant, Préparer la VM. Returns the panels for tests. */
export function registerStatement(context: vscode.ExtensionContext, services: Services): StatementPanels {
  const store = LearnerStore.for(context);
  const panels = new StatementPanels(services, store);
  restoreLearnerDirs(services);
  context.subscriptions.push(
    panels,
    services.packs.onDidChange(() => restoreLearnerDirs(services)),
    services.errors.register(CommandIds.openStatement, async (arg: unknown) => {
      const found = await targetOrPick(services, arg);
      return found ? panels.open(found.pack, found.exercise) !== undefined : false;
    }),
    services.errors.register(LearnerCommands.start, (arg: unknown) => startExercise(services, arg)),
    services.errors.register(LearnerCommands.nextHint, (arg: unknown) => nextHint(services, store, arg)),
    services.errors.register(LearnerCommands.prepareVm, (arg: unknown) => prepareVm(context, services, arg)),
    services.runs.onUpdate((u) => {
      if (u.started || u.done || u.event?.event === 'result' || u.event?.event === 'checkEnd' || u.failure) panels.updateAll();
    }),
    store.onDidChange(() => panels.updateAll()),
    services.targets.onDidChange(() => panels.renderAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['tssrLab.language', 'tssrLab.target', 'tssrLab.exam'].some((s) => e.affectsConfiguration(s))) panels.renderAll();
    }),
  );
  return panels;
}
