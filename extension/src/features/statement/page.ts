import { t, type Lang } from '../../core/i18n';
import { escapeHtml } from '../../core/learner/progress-chart';

/** A critère as the statement lists it: no check definition, only what the learner may see. */
export interface CriterionLine {
  id: string;
  title: string;
  referentiel: string;
  /** Localised state (réussi, échoué, évalué par le jury…). */
  state: string;
  status: string;
  score?: string;
  /** Hints revealed so far, in ladder order. */
  hints: string[];
  /** Length of the critère's hint ladder. */
  hintTotal: number;
}

/** What the statement page shows besides the statement itself. */
export interface StatementPage {
  lang: Lang;
  title: string;
  meta: string;
  statementHtml: string;
  canStart: boolean;
  canPrepare: boolean;
  exam: boolean;
  criteria: CriterionLine[];
}

/** The live part of the page (critères and hints), re-sent after each run or hint without reloading the statement. */
export function liveHtml(p: Pick<StatementPage, 'lang' | 'exam' | 'criteria'>): string {
  const rows = p.criteria.map((c) => {
    const hints = c.hints.map((h, i) => `<li class="hint">${escapeHtml(t(p.lang, 'learner.hintShown', i + 1, c.hintTotal, h))}</li>`).join('');
    return [
      `<li class="criterion ${escapeHtml(c.status)}"><span class="state">${escapeHtml(c.state)}</span> `,
      `<b>${escapeHtml(c.title)}</b> <span class="ref">${escapeHtml(c.referentiel)}${c.score ? ` · ${escapeHtml(c.score)}` : ''}</span>`,
      hints ? `<ul class="hints">${hints}</ul>` : '',
      '</li>',
    ].join('');
  });
  const asked = p.criteria.some((c) => c.hints.length);
  const note = p.exam ? t(p.lang, 'learner.examNoHints') : asked ? '' : t(p.lang, 'learner.noHintYet');
  return `<ul class="criteria">${rows.join('')}</ul>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}`;
}

/** The whole page: theme colours from VS Code's CSS variables, a strict CSP, scripts only with the nonce. */
export function pageHtml(p: StatementPage, csp: { source: string; nonce: string }): string {
  const button = (action: string, label: string, primary = false): string =>
    `<button data-action="${action}" class="${primary ? 'primary' : 'secondary'}">${escapeHtml(label)}</button>`;
  const buttons = [
    p.canStart ? button('start', t(p.lang, 'learner.button.start')) : '',
    button('verify', t(p.lang, 'learner.button.verify'), true),
    p.exam ? '' : button('hint', t(p.lang, 'learner.button.hint')),
    p.canPrepare ? button('prepare', t(p.lang, 'learner.button.prepare')) : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${csp.source} https: data:; style-src 'nonce-${csp.nonce}'; script-src 'nonce-${csp.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
<style nonce="${csp.nonce}">${STYLE}</style>
</head>
<body>
<header>${/^\s*<h1>/.test(p.statementHtml) ? '' : `<h1>${escapeHtml(p.title)}</h1>`}<p class="meta">${escapeHtml(p.meta)}</p><nav class="actions">${buttons}</nav></header>
<main class="statement">${p.statementHtml}</main>
<aside id="live">${liveHtml(p)}</aside>
<script nonce="${csp.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const SCRIPT = `const vscode = acquireVsCodeApi();
document.querySelectorAll('button[data-action]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ action: b.dataset.action })));
window.addEventListener('message', (e) => { if (e.data && e.data.live !== undefined) document.getElementById('live').innerHTML = e.data.live; });`;

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5rem 2rem; max-width: 60rem; line-height: 1.5; }
header { position: sticky; top: 0; background: var(--vscode-editor-background); padding: .75rem 0 .5rem; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h1 { font-size: 1.5em; margin: .4em 0 .1em; }
.meta { color: var(--vscode-descriptionForeground); margin: 0 0 .5em; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; cursor: pointer; }
button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
button.primary:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
a { color: var(--vscode-textLink-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); border-radius: 3px; }
code { padding: 0 .2em; }
pre { padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; }
pre code { padding: 0; background: none; }
blockquote { border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); margin: 0; padding: .2rem .8rem; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .2rem .5rem; }
#live { border-top: 1px solid var(--vscode-panel-border, #8884); margin-top: 1.5rem; }
.criteria { list-style: none; padding: 0; }
.criterion { margin: .4rem 0; }
.state { display: inline-block; min-width: 7.5rem; font-size: .9em; color: var(--vscode-descriptionForeground); }
.criterion.passed .state { color: var(--vscode-testing-iconPassed); }
.criterion.failed .state, .criterion.error .state { color: var(--vscode-testing-iconFailed); }
.ref { color: var(--vscode-descriptionForeground); }
.hints { margin: .2rem 0 .4rem 7.5rem; padding-left: 1rem; }
.hint { color: var(--vscode-editorInfo-foreground, var(--vscode-foreground)); }
.note { color: var(--vscode-descriptionForeground); font-style: italic; }
`;
