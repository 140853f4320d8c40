import * as vscode from 'vscode';
import { TransportError } from '../core/errors';
import { t } from '../core/i18n';
import type { RunReport } from '../../../schemas/generated/types';
import { CommandIds, type Services } from './services';

/** Accepts a tree node, an exercise folder, an exercise id, or nothing (asks). */
async function pickExercise(services: Services, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  const node = arg as { exercise?: { dir: string } } | undefined;
  if (node?.exercise) return node.exercise.dir;
  const choices = services.packs.packs.flatMap((p) => p.exercises.filter((e) => e.data).map((e) => ({ label: e.data!.id, description: e.dir, dir: e.dir })));
  return (await vscode.window.showQuickPick(choices, { placeHolder: t(services.lang(), 'ui.pickExercise') }))?.dir;
}

/** Vérifier and refresh (the statement opens from features/statement). */
export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.refresh, () => services.packs.reload()),
    vscode.commands.registerCommand(CommandIds.verify, async (arg: unknown): Promise<RunReport | undefined> => {
      const found = services.packs.exercise((await pickExercise(services, arg)) ?? '');
      if (!found) return undefined;
      try {
        const report = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: t(services.lang(), 'ui.checking', found.exercise.data?.id ?? ''), cancellable: true },
          (_p, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return services.runs.verify(found.pack, found.exercise, undefined, abort.signal);
          },
        );
        const n = report.totals;
        const text = t(services.lang(), 'ui.runSummary', report.exercise.id, n.earned, n.points, n.passed, n.failed, n.errors);
        if (report.outcome === 'interrupted') void vscode.window.showErrorMessage(`${text}. ${report.error ?? ''}`);
        else void vscode.window.showInformationMessage(text);
        return report;
      } catch (e) {
        const hint = e instanceof TransportError ? ` [${e.code}]` : '';
        services.log.error(`verify failed: ${(e as Error).message}`);
        void vscode.window.showErrorMessage(`TSSR Lab${hint}: ${(e as Error).message}`);
        return undefined;
      }
    }),
  );
}
