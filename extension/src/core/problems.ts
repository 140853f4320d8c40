import type { Range } from './positions';
import { terminalSafe } from './report/safe-text';

/** A problem in a pack file, located for `file:line:col` output and editor diagnostics. */
export interface Problem {
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** `file:line:col: message`, the format compilers and editors understand; control characters shown escaped. */
export function formatProblem(p: Problem): string {
  return terminalSafe(`${p.file}:${p.range.line}:${p.range.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
}
