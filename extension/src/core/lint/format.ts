import { t, type Lang } from '../i18n';
import { ruleUrl } from './codes';
import { RULES } from './rules';
import type { FileLint } from './service';
import type { Finding } from './types';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `file:line:col: severity CODE message`, one line per finding; silenced ones say so. */
export function formatText(results: FileLint[], lang: Lang): string[] {
  const silenced = t(lang, 'lint.silencedTag');
  return results.flatMap((r) =>
    r.findings.map(
      (f) =>
        `${r.file}:${f.range.line}:${f.range.col}: ${f.severity} ${f.code}${f.alias ? ` (${f.alias})` : ''}: ${f.message[lang]}${f.suppressed ? silenced : ''}`,
    ),
  );
}

/** Plain JSON, one entry per file. */
export function formatJson(results: FileLint[], lang: Lang): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      language: r.language,
      shellcheck: r.shellcheck,
      findings: r.findings.map((f) => ({
        code: f.code,
        alias: f.alias,
        severity: f.severity,
        critere: f.critere,
        message: f.message[lang],
        range: f.range,
        suppressed: f.suppressed ?? false,
        url: f.url,
        fix: f.fix ? f.fix.title[lang] : undefined,
      })),
    })),
    null,
    2,
  );
}

function sarifResult(file: string, f: Finding, lang: Lang): Record<string, unknown> {
  return {
    ruleId: f.code,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message[lang] },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file },
          region: { startLine: f.range.line, startColumn: f.range.col, endLine: f.range.endLine, endColumn: f.range.endCol },
        },
      },
    ],
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    ...(f.critere ? { properties: { critere: f.critere } } : {}),
  };
}

/** SARIF 2.1.0, for code-scanning tools and CI. */
export function formatSarif(results: FileLint[], lang: Lang, version: string): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
  const rules = RULES.filter((r) => used.has(r.code)).map((r) => ({
    id: r.code,
    name: r.alias ?? r.code,
    shortDescription: { text: r.title[lang] },
    fullDescription: { text: r.explanation[lang] },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { critere: r.critere },
  }));
  const scRules = [...used].filter((c) => c.startsWith('SC')).map((id) => ({ id, helpUri: ruleUrl(id) }));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'tssr-lab', version, informationUri: 'https://www.francecompetences.fr/recherche/rncp/37682/', rules: [...rules, ...scRules] },
          },
          results: results.flatMap((r) => r.findings.map((f) => sarifResult(r.file, f, lang))),
        },
      ],
    },
    null,
    2,
  );
}

/** The explanation of one rule, or the list of all rules. */
export function explainRules(code: string | undefined, lang: Lang): string[] {
  const list = code ? RULES.filter((r) => r.code === code.toUpperCase() || r.alias?.toLowerCase() === code.toLowerCase()) : RULES;
  if (code)
    return list.flatMap((r) => [`${r.code}${r.alias ? ` (${r.alias})` : ''} — ${r.title[lang]} [${r.severity}, ${r.critere}]`, '', r.explanation[lang]]);
  return list.map(
    (r) => `${r.code.padEnd(10)} ${r.language.padEnd(10)} ${r.severity.padEnd(7)} ${r.critere.padEnd(7)} ${r.title[lang]}${r.alias ? ` (${r.alias})` : ''}`,
  );
}
