import { spawn } from 'node:child_process';
import { sameText, texts } from '../i18n';
import { blankShellcheckDirectives, isSilenced, readDirectives } from './directives';
import { COVERED, ruleUrl } from './codes';
import { LineIndex } from './lines';
import type { Finding, Severity, TextEdit } from './types';

/** ShellCheck's state, as a union rather than exceptions: the caller decides how to tell the user. */
export type ShellcheckResult = { kind: 'ok'; findings: Finding[] } | { kind: 'missing'; path: string } | { kind: 'failed'; message: string };

const LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

interface Json1Comment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix?: { replacements: Array<{ line: number; endLine: number; column: number; endColumn: number; replacement: string }> } | null;
}

/** Maps ShellCheck's json1 output (1-based character columns: a tab counts as one) to findings with offsets, fixes and wiki links. */
export function parseJson1(output: string, text: string): Finding[] {
  const lines = new LineIndex(text);
  const silenced = readDirectives(lines);
  const comments = (JSON.parse(output) as { comments: Json1Comment[] }).comments;
  return comments.map((c) => {
    const code = `SC${c.code}`;
    const start = lines.offset(c.line, c.column);
    const end = Math.max(start, lines.offset(c.endLine, c.endColumn));
    const edits: TextEdit[] = (c.fix?.replacements ?? []).map((r) => ({
      start: lines.offset(r.line, r.column),
      end: lines.offset(r.endLine, r.endColumn),
      newText: r.replacement,
    }));
    const finding: Finding = {
      code,
      severity: LEVEL[c.level] ?? 'info',
      message: sameText(c.message),
      range: lines.range(start, end),
      start,
      end,
      source: 'shellcheck',
      url: ruleUrl(code),
      ...(edits.length ? { fix: { title: texts('lint.shellcheckFix', code), edits } } : {}),
    };
    if (isSilenced(silenced, c.line, code)) finding.suppressed = true;
    return finding;
  });
}

/** Runs ShellCheck on a bash text (`--format=json1`), with its own disable directives blanked so silenced findings stay visible. */
export function runShellcheck(text: string, opts: { path?: string; exclude?: string[]; timeoutMs?: number } = {}): Promise<ShellcheckResult> {
  const path = opts.path || 'shellcheck';
  return new Promise((resolve) => {
    const args = [
      '--format=json1',
      '--shell=bash',
      '--external-sources',
      ...(opts.exclude?.length ? [`--exclude=${opts.exclude.map((c) => c.replace(/^SC/i, '')).join(',')}`] : []),
      '-',
    ];
    const child = spawn(path, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ kind: 'failed', message: 'ShellCheck timed out' });
    }, opts.timeoutMs ?? 10_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? { kind: 'missing', path } : { kind: 'failed', message: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Exit 1 means "found something"; anything above is a ShellCheck failure.
      if (code !== 0 && code !== 1) {
        resolve({ kind: 'failed', message: err.trim() || `exit ${code}` });
        return;
      }
      try {
        resolve({ kind: 'ok', findings: parseJson1(out, text) });
      } catch (e) {
        resolve({ kind: 'failed', message: `unreadable ShellCheck output: ${(e as Error).message}` });
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(blankShellcheckDirectives(text));
  });
}

/** Merges ShellCheck findings into the TSSR ones: a covered SC finding on the same line is folded into the TSSR finding. */
export function mergeFindings(own: Finding[], sc: Finding[]): Finding[] {
  const kept = sc.filter((s) => {
    const twin = COVERED[s.code] && own.find((o) => o.code === COVERED[s.code] && o.range.line === s.range.line);
    if (twin) {
      twin.alias ??= s.code;
      if (s.suppressed) twin.suppressed = true;
    }
    return !twin;
  });
  return [...own, ...kept].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}
