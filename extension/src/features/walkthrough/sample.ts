import * as vscode from 'vscode';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../core/i18n';
import type { Services } from '../services';

/** The sample pack shipped inside the extension (this repository's exercises/). */
const SAMPLE = join('exercises', 'tssr-debian');

/**
 * « Ouvrir le pack d'exemple »: copies the sample pack into a folder the learner picks (never over an existing one),
 * then opens that folder, so their work never lands inside the extension. Resolves to the pack's new folder.
 */
export async function openSample(context: vscode.ExtensionContext, services: Services, folder?: string): Promise<string | undefined> {
  const lang = services.lang();
  const parent =
    folder ??
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: t(lang, 'learner.samplePick') }))?.[0]
      ?.fsPath;
  if (!parent) return undefined;
  const dest = join(parent, 'tssr-debian');
  if (existsSync(dest)) {
    const open = t(lang, 'learner.openIt');
    void vscode.window.showWarningMessage(t(lang, 'learner.sampleExists', dest), open).then((c) => {
      if (c === open) void vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(parent));
    });
    return undefined;
  }
  cpSync(context.asAbsolutePath(SAMPLE), dest, { recursive: true, errorOnExist: true, force: false });
  services.log.info(`sample pack copied to ${dest}`);
  void vscode.window.showInformationMessage(t(lang, 'learner.sampleCopied', parent));
  // The folder holding the pack: each exercise's working copy (« Commencer ») goes beside it.
  if (!folder) await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(parent));
  return dest;
}
