import * as vscode from 'vscode';
import type { Range } from '../core/positions';
import type { Problem } from '../core/problems';

/** A 1-based core range as a VS Code range. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.line - 1, r.col - 1, r.endLine - 1, Math.max(r.endCol - 1, r.line === r.endLine ? r.col : 0));
}

/** A pack problem as a diagnostic. */
export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
  d.source = 'TSSR Lab';
  d.code = p.code;
  return d;
}
