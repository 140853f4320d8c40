import type { Range } from './positions';

/** A problem in a pack file, located for `file:line:col` output and editor diagnostics. */
export interface Problem {
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** `file:line:col: message`, the format compilers and editors understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.range.line}:${p.range.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
