import * as vscode from 'vscode';
import type { Services } from '../services';
import { LearnerCommands } from '../statement/ids';
import { openSample } from '../walkthrough/sample';
import { LearnerStore } from './store';
import { exportProgress, ProgressPanel } from './view';

/** Keeps progress from each finished run, and registers « Progression », its export and the sample pack. */
export function registerProgress(context: vscode.ExtensionContext, services: Services): ProgressPanel {
  const store = LearnerStore.for(context);
  const panel = new ProgressPanel(services, store);
  context.subscriptions.push(
    panel,
    services.runs.onUpdate((u) => {
      if (u.done) void store.record(u.done);
    }),
    store.onDidChange(() => panel.render()),
    services.packs.onDidChange(() => panel.render()),
    services.errors.register(LearnerCommands.showProgress, () => panel.show() !== undefined),
    services.errors.register(LearnerCommands.exportProgress, (file?: unknown) => exportProgress(services, store, typeof file === 'string' ? file : undefined)),
    services.errors.register(LearnerCommands.openSample, (folder?: unknown) => openSample(context, services, typeof folder === 'string' ? folder : undefined)),
  );
  return panel;
}
