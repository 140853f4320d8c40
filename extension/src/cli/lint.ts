import { readFileSync } from 'node:fs';
import { t, type Lang } from '../core/i18n';
import { regularFile } from '../core/paths';
import { formatJson, formatSarif, formatText } from '../core/lint/format';
import { createParser } from '../core/lint/parser';
import { lintFile, SHELLCHECK_INSTALL_HINT, type FileLint } from '../core/lint/service';
import { UsageError } from '../core/errors';

/** Options of `tssr-lab lint`. */
export interface LintCliOptions {
  format: 'text' | 'json' | 'sarif';
  lang: Lang;
  shellcheck: boolean;
  shellcheckPath?: string;
  ignore?: string[];
}

/** Lints scripts; exit 1 when an error-level finding is not silenced, 2 for an unreadable file (other files are skipped with a warning). */
export async function lint(files: string[], o: LintCliOptions, out: (s: string) => void, err: (s: string) => void, version: string): Promise<number> {
  const parser = await createParser();
  const results: FileLint[] = [];
  for (const file of files) {
    // Checked before opening: a folder or a FIFO named on the command line must not block the CLI.
    const kind = regularFile(file);
    if (!kind.ok) {
      const key = kind.violation === 'directory' ? 'lint.directory' : kind.violation === 'notFile' ? 'lint.notFile' : 'lint.notFound';
      throw new UsageError('NOT_READABLE', t(o.lang, key, file));
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError('NOT_READABLE', t(o.lang, 'lint.unreadable', file));
    }
    const r = await lintFile(parser, file, text, { shellcheck: { enabled: o.shellcheck, path: o.shellcheckPath }, ignore: o.ignore ?? [] });
    if (!r.language) err(`tssr-lab: ${t(o.lang, 'lint.notScript', file)}`);
    results.push(r);
  }
  const missing = results.find((r) => r.shellcheck === 'missing');
  if (missing) err(`tssr-lab: ${SHELLCHECK_INSTALL_HINT[o.lang]}`);
  const failed = results.find((r) => r.shellcheck === 'failed');
  if (failed) err(`tssr-lab: ShellCheck: ${failed.shellcheckMessage}`);
  if (o.format === 'json') out(formatJson(results, o.lang));
  else if (o.format === 'sarif') out(formatSarif(results, o.lang, version));
  else formatText(results, o.lang).forEach((l) => out(l));
  return results.some((r) => r.findings.some((f) => f.severity === 'error' && !f.suppressed)) ? 1 : 0;
}
