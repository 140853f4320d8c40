import { texts } from '../i18n';
import { detectLanguage } from './detect';
import { lintText } from './engine';
import type { ScriptParser } from './parser';
import { mergeFindings, runShellcheck, type ShellcheckResult } from './shellcheck';
import type { Finding, ScriptLanguage } from './types';

/** Lint settings shared by the editor, the CLI and the exercise checks. */
export interface LintConfig {
  shellcheck: { enabled: boolean; path?: string };
  /** Codes (TSSR or SC) left out entirely. */
  ignore: string[];
}

/** Default settings: ShellCheck on when installed, nothing ignored. */
export const DEFAULT_LINT_CONFIG: LintConfig = { shellcheck: { enabled: true }, ignore: [] };

/** Outcome of linting one file. */
export interface FileLint {
  file: string;
  language: ScriptLanguage | undefined;
  findings: Finding[];
  /** What happened with ShellCheck: ran, missing, failed, disabled, or not applicable (PowerShell). */
  shellcheck: ShellcheckResult['kind'] | 'disabled' | 'n/a';
  shellcheckMessage?: string;
  /** Milliseconds spent in the TSSR rules and in ShellCheck. */
  timings: { rulesMs: number; shellcheckMs: number };
}

/** Lints one script: TSSR rules, then ShellCheck for bash when enabled, merged and de-duplicated. */
export async function lintFile(parser: ScriptParser, file: string, text: string, config: LintConfig = DEFAULT_LINT_CONFIG): Promise<FileLint> {
  const language = detectLanguage(file, text);
  if (!language) return { file, language, findings: [], shellcheck: 'n/a', timings: { rulesMs: 0, shellcheckMs: 0 } };
  const t0 = performance.now();
  const own = lintText(parser, text, language, { ignore: config.ignore });
  const rulesMs = performance.now() - t0;
  if (language !== 'bash') return { file, language, findings: own, shellcheck: 'n/a', timings: { rulesMs, shellcheckMs: 0 } };
  if (!config.shellcheck.enabled) return { file, language, findings: own, shellcheck: 'disabled', timings: { rulesMs, shellcheckMs: 0 } };
  const t1 = performance.now();
  const sc = await runShellcheck(text, { path: config.shellcheck.path, exclude: config.ignore.filter((c) => /^SC\d+$/i.test(c)) });
  const shellcheckMs = performance.now() - t1;
  if (sc.kind !== 'ok') {
    return {
      file,
      language,
      findings: own,
      shellcheck: sc.kind,
      shellcheckMessage: sc.kind === 'failed' ? sc.message : sc.path,
      timings: { rulesMs, shellcheckMs },
    };
  }
  return { file, language, findings: mergeFindings(own, sc.findings), shellcheck: 'ok', timings: { rulesMs, shellcheckMs } };
}

/** The hint shown once when ShellCheck is not installed. */
export const SHELLCHECK_INSTALL_HINT = texts('lint.shellcheckMissing');
