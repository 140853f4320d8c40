import { readFileSync } from 'node:fs';
import type { Check, LintCheck, Result } from '../../../schemas/generated/types';
import type { Exercise } from '../../../schemas/generated/types';
import { renderReason, type Lang } from './i18n';
import { requireInside } from './path-rules';
import type { ScriptParser } from './lint/parser';
import type { FileLint } from './lint/service';
import type { Finding, Severity } from './lint/types';
import { checksOf } from './criteria';

/** Check types evaluated by the client on the learner's files rather than by the agent on the target. */
export const CLIENT_CHECK_TYPES = ['lint'] as const;

/** Whether a check runs client-side. */
export function isClientCheck(c: Check): c is LintCheck {
  return (CLIENT_CHECK_TYPES as readonly string[]).includes(c.type);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Evidence of one finding, as the evaluator sees it. */
function evidence(f: Finding, lang: Lang): Record<string, unknown> {
  return {
    code: f.code,
    ...(f.alias ? { alias: f.alias } : {}),
    severity: f.severity,
    line: f.range.line,
    col: f.range.col,
    message: f.message[lang],
    ...(f.suppressed ? { suppressed: true } : {}),
  };
}

/** A client result's reason as data, and its sentence in the run's language (the agent's results get theirs in the session). */
function worded(lang: Lang, code: string, params: Record<string, unknown>): Pick<Result, 'reason' | 'message'> {
  const reason = { code, params };
  return { reason, message: renderReason(lang, reason) };
}

/** Analyses of one run, by file and ShellCheck setting: a file checked by several critères is analysed once. */
export type LintRunCache = Map<string, Promise<FileLint>>;

/**
 * Runs a lint check on workspace files; yields one result per file. Inline-silenced findings still count. Throws a
 * PackError for a path the policy refuses. `cache`, shared by the lint checks of one run, analyses each file once.
 */
export async function runLintCheck(
  check: LintCheck,
  criterionId: string,
  checkIndex: number,
  dir: string,
  parser: ScriptParser,
  lang: Lang,
  cache: LintRunCache = new Map(),
): Promise<Result[]> {
  const failOn = check.failOn ?? 'error';
  const out: Result[] = [];
  // The lint engine loads with the first lint check, so that checking an exercise without one never pays for it.
  const { lintFile } = await import('./lint/service');
  for (const file of check.files) {
    const started = Date.now();
    const base = { event: 'result' as const, criterionId, checkIndex, checkType: 'lint', property: `lint[${file}]` };
    // Outside the workspace, a folder or a FIFO: a PackError, before any read.
    const abs = requireInside(dir, file, 'file', 'workspace', lang, false);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      out.push({
        ...base,
        status: 'fail',
        expected: { failOn },
        actual: null,
        ...worded(lang, 'lint.fileMissing', { file }),
        durationMs: Date.now() - started,
      });
      continue;
    }
    const shellcheck = check.shellcheck ?? true;
    const key = `${shellcheck}:${abs}`;
    if (!cache.has(key)) cache.set(key, lintFile(parser, file, text, { shellcheck: { enabled: shellcheck }, ignore: [] }));
    const r = await cache.get(key)!;
    const blocking = r.findings.filter((f) => RANK[f.severity] >= RANK[failOn]);
    const silenced = blocking.filter((f) => f.suppressed).length;
    const code = !blocking.length ? 'lint.clean' : silenced ? 'lint.findingsSilenced' : 'lint.findings';
    out.push({
      ...base,
      status: blocking.length ? 'fail' : 'pass',
      expected: { failOn, findings: 0 },
      actual: r.findings.map((f) => evidence(f, lang)),
      ...worded(lang, code, { file, count: blocking.length, failOn, silenced }),
      durationMs: Date.now() - started,
      path: file,
      ...(blocking[0] ? { line: blocking[0].range.line } : {}),
    });
  }
  return out;
}

/** The client-side checks of an exercise, with their positions in their critère. */
export function clientChecks(ex: Exercise, only?: string[]): Array<{ criterionId: string; checkIndex: number; check: LintCheck }> {
  return ex.criteria
    .filter((c) => !only || only.includes(c.id))
    .flatMap((c) => checksOf(c).flatMap((check, checkIndex) => (isClientCheck(check) ? [{ criterionId: c.id, checkIndex, check }] : [])));
}
