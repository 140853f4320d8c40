import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localize } from '../core/text';
import { oneLine, shownFailures } from './failure-view';
import type { RunUpdate } from './run-service';
import type { Services } from './services';

/**
 * The Problems entries of one exercise's run so far, by file URI: one short line per failed property, at the
 * learner's file and line or the target's read-only copy. A failure with no file is placed on the statement
 * (the learner's page), never on exercise.yaml.
 */
export function runDiagnostics(services: Services, u: RunUpdate): Map<string, vscode.Diagnostic[]> {
  const out = new Map<string, vscode.Diagnostic[]>();
  const found = services.packs.exercise(u.exerciseDir);
  const ex = found?.exercise;
  if (!found || !ex?.data) return out;
  const lang = services.lang();
  const statement = join(ex.dir, ex.data.statement ?? 'enonce.md');
  const ctx = {
    pack: found.pack,
    exercise: ex,
    workspaceDir: services.runs.workspaceDirOf(ex.dir),
    target: u.session.target,
    lang,
    remoteDocs: services.remoteDocs,
  };
  for (const c of ex.data.criteria) {
    const state = u.session.criteria.get(c.id);
    if (!state) continue;
    for (const shown of shownFailures(ctx, state)) {
      const location = shown.location ?? (existsSync(statement) ? new vscode.Location(vscode.Uri.file(statement), new vscode.Range(0, 0, 0, 0)) : undefined);
      if (!location) continue;
      const severity = shown.result.status === 'fail' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
      const d = new vscode.Diagnostic(location.range, `${localize(c.title, lang)} : ${oneLine(shown.failure)}`, severity);
      d.source = 'TSSR Lab';
      d.code = c.id;
      const key = location.uri.toString();
      out.set(key, [...(out.get(key) ?? []), d]);
    }
  }
  return out;
}
