import * as vscode from 'vscode';
import { basename, dirname } from 'node:path';
import { allProblems, EXERCISE_FILE, PACK_FILE, validateText } from '../core/pack';
import { pathsUnder } from '../core/path-rules';
import { toDiagnostic } from './convert';
import { runDiagnostics } from './run-diagnostics';
import type { Services } from './services';

/** Pack YAML problems (live while typing) and failed critères of the runs, live as results arrive, in the Problems panel. */
export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): void {
  const packProblems = vscode.languages.createDiagnosticCollection('tssrLab.packs');
  const runProblems = vscode.languages.createDiagnosticCollection('tssrLab.results');
  /** The run problems of each exercise, by file: several exercises may point at the same file of the target. */
  const runByExercise = new Map<string, Map<string, vscode.Diagnostic[]>>();
  const publishRuns = (): void => {
    const merged = new Map<string, vscode.Diagnostic[]>();
    for (const byUri of runByExercise.values()) for (const [uri, list] of byUri) merged.set(uri, [...(merged.get(uri) ?? []), ...list]);
    runProblems.clear();
    for (const [uri, list] of merged) runProblems.set(vscode.Uri.parse(uri), list);
  };

  const publishPacks = (): void => {
    packProblems.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of services.packs.packs.flatMap(allProblems)) {
      byFile.set(p.file, [...(byFile.get(p.file) ?? []), toDiagnostic(p)]);
    }
    for (const [file, list] of byFile) packProblems.set(vscode.Uri.file(file), list);
  };

  const validateOpen = (doc: vscode.TextDocument): void => {
    const name = basename(doc.uri.fsPath);
    if (doc.uri.scheme !== 'file' || (name !== PACK_FILE && name !== EXERCISE_FILE)) return;
    const dir = dirname(doc.uri.fsPath);
    const kind = name === PACK_FILE ? 'pack' : 'exercise';
    const { problems } = validateText(kind, doc.getText(), doc.uri.fsPath, services.lang(), pathsUnder(dir));
    packProblems.set(doc.uri, problems.map(toDiagnostic));
  };

  context.subscriptions.push(
    packProblems,
    runProblems,
    services.packs.onDidChange(() => {
      publishPacks();
      vscode.workspace.textDocuments.forEach(validateOpen);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => validateOpen(e.document)),
    vscode.workspace.onDidOpenTextDocument(validateOpen),
    services.runs.onUpdate((u) => {
      if (u.started) runByExercise.delete(u.exerciseDir);
      else if (u.event?.event === 'result' || u.event?.event === 'checkEnd' || u.done) runByExercise.set(u.exerciseDir, runDiagnostics(services, u));
      else return;
      publishRuns();
    }),
  );
  publishPacks();
}
