import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Lang } from '../../core/i18n';
import { competenceProgress, progressExport, type CompetenceProgress, type ProgressExport } from '../../core/learner/progress';
import { escapeHtml, progressChartHtml } from '../../core/learner/progress-chart';
import type { Services } from '../services';
import { LearnerCommands } from '../statement/ids';
import { LearnerStore } from './store';

/** The 20 competences with the critères passed over those the workspace's packs offer. */
export function competencesNow(services: Services, store: LearnerStore): CompetenceProgress[] {
  return competenceProgress(
    services.packs.packs.flatMap((pack) => {
      const progress = store.progress(LearnerStore.keyOf(pack));
      return pack.exercises.flatMap((e) => (e.data ? [{ exercise: e.data, progress }] : []));
    }),
  );
}

/** The export a trainer reads: every pack's progress and hint use, and the competences. */
export function exportNow(services: Services, store: LearnerStore): ProgressExport {
  const keys = [...new Set([...services.packs.packs.map((p) => LearnerStore.keyOf(p)), ...store.keys()])].sort();
  return progressExport(
    keys.map((key) => ({ key, progress: store.progress(key), hints: store.ledger(key).toJSON() })),
    competencesNow(services, store),
  );
}

/** « Exporter la progression »: asks where, writes the JSON, says what to do with it. Resolves to the file written. */
export async function exportProgress(services: Services, store: LearnerStore, file?: string): Promise<string | undefined> {
  const lang = services.lang();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const target =
    file ??
    (
      await vscode.window.showSaveDialog({
        defaultUri: root ? vscode.Uri.file(join(root, 'progression-tssr.json')) : undefined,
        filters: { JSON: ['json'] },
        saveLabel: t(lang, 'learner.export'),
      })
    )?.fsPath;
  if (!target) return undefined;
  writeFileSync(target, JSON.stringify(exportNow(services, store), null, 2) + '\n');
  void vscode.window.showInformationMessage(t(lang, 'learner.exported', target));
  return target;
}

/** The « Progression » webview: one panel, redrawn when progress changes. */
export class ProgressPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly services: Services,
    private readonly store: LearnerStore,
  ) {}

  /** Opens or reveals the panel. */
  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const lang = this.services.lang();
    this.panel = vscode.window.createWebviewPanel('tssrLab.progress', t(lang, 'learner.progressTitle'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
    this.panel.onDidDispose(() => (this.panel = undefined));
    this.panel.webview.onDidReceiveMessage((m: { action?: string }) => {
      if (m.action === 'export') void vscode.commands.executeCommand(LearnerCommands.exportProgress);
    });
    this.render();
    return this.panel;
  }

  /** Redraws the chart if the panel is open. */
  render(): void {
    if (!this.panel) return;
    const lang = this.services.lang();
    this.panel.title = t(lang, 'learner.progressTitle');
    this.panel.webview.html = progressPage(lang, competencesNow(this.services, this.store), randomBytes(16).toString('base64'));
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function progressPage(lang: Lang, rows: CompetenceProgress[], nonce: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>${escapeHtml(t(lang, 'learner.progressTitle'))}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>${escapeHtml(t(lang, 'learner.progressTitle'))}</h1><p class="intro">${escapeHtml(t(lang, 'learner.progressIntro'))}</p>
<button data-action="export">${escapeHtml(t(lang, 'learner.export'))}</button></header>
${progressChartHtml(rows, lang)}
<script nonce="${nonce}">const vscode = acquireVsCodeApi();
document.querySelector('button[data-action]').addEventListener('click', () => vscode.postMessage({ action: 'export' }));</script>
</body></html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5rem 2rem; max-width: 64rem; }
h1 { font-size: 1.5em; } h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
.intro, .total { color: var(--vscode-descriptionForeground); }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--vscode-button-border, transparent); background: var(--vscode-button-background); color: var(--vscode-button-foreground); cursor: pointer; border-radius: 2px; }
button:hover { background: var(--vscode-button-hoverBackground); }
ul { list-style: none; padding: 0; margin: 0; }
.competence { display: grid; grid-template-columns: 1fr 240px 13rem; gap: .2rem 1rem; align-items: center; padding: .3rem 0; border-bottom: 1px solid var(--vscode-panel-border, #8882); }
/* A narrow column stacks the name, the bar and the counts rather than cutting them. */
@media (max-width: 44rem) { .competence { grid-template-columns: 1fr; } }
.competence.empty .bar { opacity: .4; }
.jury { display: block; }
.competence.empty .name { color: var(--vscode-descriptionForeground); }
.track { fill: var(--vscode-editorWidget-background, #8883); stroke: var(--vscode-panel-border, #8886); }
.done { fill: var(--vscode-testing-iconPassed, #3c3); }
.count { font-variant-numeric: tabular-nums; }
.jury { color: var(--vscode-descriptionForeground); font-style: italic; }
`;
