import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { t } from '../core/i18n';
import { explainHtml, type RevealMessage } from '../core/lint/explain-html';
import type { ScriptCoach } from './script-coach';
import { CommandIds, type Services } from './services';

/** The "explain the script's findings" webview: one panel, following the script it explains as it is re-analysed. */
export class ExplainPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private doc?: vscode.TextDocument;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly coach: ScriptCoach,
  ) {
    this.subscriptions.push(
      coach.onDidAnalyse((uri) => {
        if (this.panel && this.doc && uri.toString() === this.doc.uri.toString()) this.render();
      }),
    );
  }

  /** Opens (or moves) the panel beside the script; returns the page's HTML. */
  show(doc: vscode.TextDocument): string {
    this.doc = doc;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'tssrLab.explain',
        '',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [],
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.subscriptions);
      // A line link: the page posts it, the editor reveals the line (through a command, like every other action).
      this.panel.webview.onDidReceiveMessage(
        (m: RevealMessage) => {
          if (m?.type === 'reveal' && this.doc) void vscode.commands.executeCommand(CommandIds.revealScriptLine, this.doc.uri, m.line, m.col);
        },
        undefined,
        this.subscriptions,
      );
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    return this.render();
  }

  private render(): string {
    const doc = this.doc!;
    const lang = this.services.lang();
    const name = doc.uri.path.split('/').pop() ?? doc.uri.path;
    const html = explainHtml(name, this.coach.findings(doc.uri), lang, randomBytes(16).toString('base64'));
    if (this.panel) {
      this.panel.title = t(lang, 'explain.panelTitle', name);
      this.panel.webview.html = html;
    }
    return html;
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
