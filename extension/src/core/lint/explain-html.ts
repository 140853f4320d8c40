import { t, type Lang } from '../i18n';
import { referentiel } from '../referentiel';
import { RULES } from './rules';
import type { Finding } from './types';

/** Escapes text for HTML content and attribute values: nothing a finding quotes (`$dossier"/*`, `<#`) is markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The message a line link posts to the editor (features/script-coach-ui.ts reveals that line). */
export interface RevealMessage {
  type: 'reveal';
  line: number;
  col: number;
}

/** One finding: its line as a link, its code, its message and, for TSSR rules, why it matters. */
function findingHtml(f: Finding, lang: Lang): string {
  const rule = f.source === 'tssr' ? RULES.find((r) => r.code === f.code) : undefined;
  const line = t(lang, 'lint.line', f.range.line);
  const link = `<a href="#" class="line" data-line="${f.range.line}" data-col="${f.range.col}" title="${escapeHtml(t(lang, 'explain.reveal', f.range.line))}">${escapeHtml(line)}</a>`;
  const code = `<code>${escapeHtml(f.code)}</code>${f.alias ? ` <span class="alias">(${escapeHtml(f.alias)})</span>` : ''}`;
  const severity = `<span class="severity">${escapeHtml(t(lang, `explain.severity.${f.severity}`))}</span>`;
  const more = rule
    ? `<p class="why">${escapeHtml(rule.explanation[lang])}</p>`
    : f.url
      ? `<p class="why"><a href="${escapeHtml(f.url)}">${escapeHtml(t(lang, 'explain.wiki'))}</a></p>`
      : '';
  const silenced = f.suppressed ? `<p class="silenced">${escapeHtml(t(lang, 'lint.silencedNote'))}</p>` : '';
  return `<div class="finding ${f.severity}"><div class="head">${link} — ${code} ${severity}</div><p class="message">${escapeHtml(f.message[lang])}</p>${more}${silenced}</div>`;
}

/** The TSSR findings grouped by référentiel critère, in the référentiel's order. */
function tssrHtml(findings: Finding[], lang: Lang): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.critere ?? '', [...(groups.get(f.critere ?? '') ?? []), f]);
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true })))
    .map(([id, list]) => {
      const c = id ? referentiel.critere(id) : undefined;
      const title = c ? `${id} — ${c.text}` : t(lang, 'explain.noCritere');
      return `<h3>${escapeHtml(title)}</h3>${list.map((f) => findingHtml(f, lang)).join('')}`;
    })
    .join('');
}

const STYLE = `body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1.2em 2em;line-height:1.45}
a{color:var(--vscode-textLink-foreground)}a:hover{color:var(--vscode-textLink-activeForeground)}
code{font-family:var(--vscode-editor-font-family);background:var(--vscode-textCodeBlock-background);padding:0 .25em;border-radius:3px}
h2{border-bottom:1px solid var(--vscode-panel-border);padding-bottom:.2em}h3{font-size:1em;margin-top:1.4em}
.finding{border-left:3px solid var(--vscode-editorWarning-foreground);padding:.1em .8em;margin:.7em 0}
.finding.error{border-left-color:var(--vscode-editorError-foreground)}.finding.info{border-left-color:var(--vscode-editorInfo-foreground)}
.finding p{margin:.3em 0}.why,.alias,.severity{color:var(--vscode-descriptionForeground)}.silenced{color:var(--vscode-editorWarning-foreground)}`;

/** Sends a line link's click to the editor; nothing else runs in the page. */
const SCRIPT = `const vscode=acquireVsCodeApi();document.addEventListener('click',(e)=>{const a=e.target.closest&&e.target.closest('a.line');if(!a)return;e.preventDefault();vscode.postMessage({type:'reveal',line:Number(a.dataset.line),col:Number(a.dataset.col)});});`;

/**
 * The explain panel's page: TSSR findings first (French), grouped by critère, then ShellCheck's (English), each line
 * a link to the editor. Strict CSP: no source but the nonce'd style and script; colours from the theme's variables.
 */
export function explainHtml(file: string, findings: Finding[], lang: Lang, nonce: string): string {
  const own = findings.filter((f) => f.source === 'tssr');
  const sc = findings.filter((f) => f.source === 'shellcheck');
  const body = !findings.length
    ? `<p>${escapeHtml(t(lang, 'explain.none'))}</p>`
    : [
        `<p>${escapeHtml(t(lang, 'explain.summary', own.length, sc.length))}</p>`,
        own.length ? `<section id="tssr"><h2>${escapeHtml(t(lang, 'explain.tssr'))}</h2>${tssrHtml(own, lang)}</section>` : '',
        sc.length
          ? `<section id="shellcheck" lang="en"><h2>${escapeHtml(t(lang, 'explain.shellcheck'))}</h2>${sc.map((f) => findingHtml(f, lang)).join('')}</section>`
          : '',
      ].join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><style nonce="${nonce}">${STYLE}</style></head>
<body><h1>${escapeHtml(t(lang, 'explain.title', file))}</h1>${body}<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}
