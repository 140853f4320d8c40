import * as vscode from 'vscode';
import { t } from '../core/i18n';
import { localize } from '../core/text';
import type { RunReport } from '../../../schemas/generated/types';
import { ShowLogCommandId } from './error-boundary';
import { CommandIds, type Services } from './services';

/** Accepts a tree node, an exercise folder, an exercise id, or nothing (asks). */
async function pickExercise(services: Services, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  const node = arg as { exercise?: { dir: string } } | undefined;
  if (node?.exercise) return node.exercise.dir;
  const lang = services.lang();
  const choices = services.packs.packs.flatMap((p) =>
    p.exercises.filter((e) => e.data).map((e) => ({ label: localize(e.data!.title, lang), description: e.data!.id, dir: e.dir })),
  );
  return (await vscode.window.showQuickPick(choices, { placeHolder: t(lang, 'ui.pickExercise'), matchOnDescription: true }))?.dir;
}

/** Vérifier, refresh, show the log: each through the one error boundary (the statement opens from features/statement). */
export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  const { errors } = services;
  context.subscriptions.push(
    errors.register(CommandIds.refresh, () => services.packs.reload()),
    errors.register(ShowLogCommandId, () => services.log.show()),
    errors.register(CommandIds.verify, async (arg: unknown): Promise<RunReport | undefined> => {
      const found = services.packs.exercise((await pickExercise(services, arg)) ?? '');
      if (!found?.exercise.data) return undefined;
      const lang = services.lang();
      const title = localize(found.exercise.data.title, lang);
      const target = services.targets.active();
      const report = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: t(lang, 'runUi.checking', title, target.target === 'local' ? t(lang, 'targets.local') : target.name),
          cancellable: true,
        },
        (_p, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          return services.runs.verify(found.pack, found.exercise, undefined, abort.signal).finally(() => cancel.dispose());
        },
      );
      const n = report.totals;
      if (report.outcome === 'interrupted') {
        // Cut short by the target (connection lost, agent killed): the same buttons as a target that cannot be reached.
        errors.notify(t(lang, 'runUi.interrupted', title, n.earned, n.points, report.error ?? ''), true);
      } else void vscode.window.showInformationMessage(t(lang, 'runUi.summary', title, n.earned, n.points, n.passed, n.failed, n.errors));
      return report;
    }),
  );
}
