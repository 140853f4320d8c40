import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { criterionRange } from '../core/locate';
import { allProblems, EXERCISE_FILE, PACK_FILE, validateText } from '../core/pack';
import { localize } from '../core/text';
import { pathsUnder } from '../core/path-rules';
import { toDiagnostic, toRange } from './convert';
import type { Services } from './services';

/** Pack YAML problems (live while typing) and failed critères of the last runs, in the Problems panel. */
export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): void {
  const packProblems = vscode.languages.createDiagnosticCollection('tssrLab.packs');
  const runProblems = vscode.languages.createDiagnosticCollection('tssrLab.results');

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
      if (!u.done) return;
      const found = services.packs.exercise(u.exerciseDir);
      const ex = found?.exercise;
      if (!ex?.data) return;
      const lang = services.lang();
      const byFile = new Map<string, vscode.Diagnostic[]>();
      const add = (file: string, d: vscode.Diagnostic): void => {
        byFile.set(file, [...(byFile.get(file) ?? []), d]);
      };
      ex.data.criteria.forEach((c, i) => {
        const state = u.session.criteria.get(c.id);
        if (!state || (state.status !== 'failed' && state.status !== 'error')) return;
        const bad = state.results.filter((r) => r.status === 'fail' || r.status === 'error');
        const first = bad[0]?.message ?? u.session.error ?? '';
        const severity = state.status === 'failed' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
        const d = new vscode.Diagnostic(
          toRange(criterionRange(ex.file, i)),
          `${localize(c.title, lang)} (${c.referentiel}) — ${first} — ${localize(c.hint, lang)}`,
          severity,
        );
        d.source = 'TSSR Lab';
        d.code = c.id;
        add(ex.file, d);
        for (const r of bad) {
          const local = r.path && !r.path.startsWith('/') ? resolve(ex.dir, r.path) : undefined;
          if (local && r.line && existsSync(local)) {
            const e = new vscode.Diagnostic(new vscode.Range(r.line - 1, 0, r.line - 1, 1000), `${c.id}: ${r.message}`, severity);
            e.source = 'TSSR Lab';
            add(local, e);
          }
        }
      });
      const stale: vscode.Uri[] = [];
      runProblems.forEach((uri) => {
        if (uri.fsPath.startsWith(ex.dir)) stale.push(uri);
      });
      stale.forEach((uri) => runProblems.delete(uri));
      for (const [file, list] of byFile) runProblems.set(vscode.Uri.file(file), list);
    }),
  );
  publishPacks();
}
