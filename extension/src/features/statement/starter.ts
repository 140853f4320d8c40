import * as vscode from 'vscode';
import { join, relative } from 'node:path';
import { t } from '../../core/i18n';
import { applyStarterCopy, learnerDir, learnerDirReady, planStarterCopy, type StarterCopy } from '../../core/learner/starter';
import type { Services } from '../services';
import { targetOrPick } from './resolve';

/** What « Commencer » did: the learner's folder and the files written there (none when all were kept or in place). */
export interface StartOutcome {
  dir: string;
  plan: StarterCopy[];
  written: string[];
}

/** The workspace folder the exercise lives in, else the first one: where the learner's files go. */
function workspaceRootFor(dir: string): string | undefined {
  return (vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dir)) ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
}

/**
 * « Commencer »: copies the exercise's starter files into `<workspace folder>/<exercise id>/`, asks before replacing a
 * file the learner changed, then opens the first one. Run twice, it copies nothing the learner already has.
 */
export async function startExercise(services: Services, arg: unknown): Promise<StartOutcome | undefined> {
  const lang = services.lang();
  const target = await targetOrPick(services, arg);
  const ex = target?.exercise.data;
  if (!target || !ex) return undefined;
  if (!ex.starter?.length) {
    void vscode.window.showInformationMessage(t(lang, 'learner.noStarter', ex.id));
    return undefined;
  }
  const root = workspaceRootFor(target.exercise.dir);
  if (!root) {
    void vscode.window.showWarningMessage(t(lang, 'learner.noWorkspace'));
    return undefined;
  }
  const dir = learnerDir(root, ex);
  const plan = planStarterCopy(target.exercise.dir, ex, dir, lang);
  const changed = plan.filter((p) => p.state === 'changed');
  let overwrite = false;
  if (changed.length) {
    const replace = t(lang, 'learner.replace');
    const keep = t(lang, 'learner.keep');
    const where = relative(root, dir) || '.';
    const answer = await vscode.window.showWarningMessage(
      t(lang, 'learner.starterOverwrite', where, changed.map((p) => p.rel).join(', ')),
      { modal: true },
      replace,
      keep,
    );
    overwrite = answer === replace;
  }
  const written = applyStarterCopy(plan, overwrite).map((p) => p.rel);
  restoreLearnerDirs(services);
  const shown = relative(root, dir) || '.';
  // Short enough for a notification's single line: the workspace-relative paths only.
  const message = written.length ? t(lang, 'learner.starterCopied', written.map((rel) => join(shown, rel)).join(', ')) : t(lang, 'learner.starterKept', shown);
  services.log.info(`start ${ex.id}: ${written.length} starter file(s) written to ${dir}`);
  // Beside the statement, so the learner reads one and edits the other.
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === plan[0].to);
  await vscode.window.showTextDocument(vscode.Uri.file(plan[0].to), { preview: false, viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside });
  void vscode.window.showInformationMessage(message);
  return { dir, plan, written };
}

/** Points each run at the learner's copy of an exercise (`<workspace>/<id>/`) when that copy holds the files checks read. */
export function restoreLearnerDirs(services: Services): void {
  for (const pack of services.packs.packs) {
    for (const e of pack.exercises) {
      const root = e.data?.starter?.length ? workspaceRootFor(e.dir) : undefined;
      const dir = root && e.data ? learnerDir(root, e.data) : undefined;
      if (dir && dir !== e.dir && learnerDirReady(dir, e.data!)) services.runs.workspaceDirs.set(e.dir, dir);
      else services.runs.workspaceDirs.delete(e.dir);
    }
  }
}
