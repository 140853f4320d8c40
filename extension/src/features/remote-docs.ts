import * as vscode from 'vscode';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Lang } from '../core/i18n';
import type { TargetStore } from './targets/store';

/** Scheme of the read-only copies of the target's files. */
export const REMOTE_SCHEME = 'tssr-lab-remote';
const MAX_BYTES = 256 * 1024;

/** The read-only document of a file on a target (`tssr-lab-remote:/etc/ssh/sshd_config?target=…`). */
export function remoteUri(target: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REMOTE_SCHEME, path, query: new URLSearchParams({ target }).toString() });
}

function readLocal(path: string): { text: string; truncated: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { text: buf.subarray(0, Math.min(n, MAX_BYTES)).toString('utf8'), truncated: n > MAX_BYTES };
  } finally {
    closeSync(fd);
  }
}

/**
 * Serves the target's files read-only: the local target's directly, an SSH target's over SFTP with the saved
 * target's key (no prompt: a file that cannot be read says why instead). The failing lines are highlighted.
 */
export class RemoteDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly highlights = new Map<string, number[]>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private readonly subs: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires for the open remote documents when a new run starts: their content is read again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly targets: TargetStore,
    private readonly agentFile: string,
    private readonly lang: () => Lang,
  ) {
    this.subs = [
      vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, this),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
    ];
  }

  /** Marks a 1-based line of a remote document as evidence of a failure. */
  highlight(uri: vscode.Uri, line: number): void {
    const key = uri.toString();
    const lines = this.highlights.get(key) ?? [];
    if (!lines.includes(line)) this.highlights.set(key, [...lines, line]);
    vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key).forEach((e) => this.decorate(e));
  }

  /** Forgets the highlights before a new run, and reads the open documents again. */
  clear(): void {
    this.highlights.clear();
    vscode.workspace.textDocuments.filter((d) => d.uri.scheme === REMOTE_SCHEME).forEach((d) => this.changed.fire(d.uri));
  }

  private decorate(editor: vscode.TextEditor): void {
    const lines = this.highlights.get(editor.document.uri.toString());
    if (lines)
      editor.setDecorations(
        this.decoration,
        lines.filter((l) => l >= 1 && l <= editor.document.lineCount).map((l) => editor.document.lineAt(l - 1).range),
      );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = new URLSearchParams(uri.query).get('target') ?? 'local';
    const lang = this.lang();
    try {
      const { text, truncated } = target === 'local' ? readLocal(uri.path) : await this.readRemote(target, uri.path);
      return truncated ? `${text}\n${t(lang, 'runUi.remoteTooLarge', uri.path, MAX_BYTES / 1024)}\n` : text;
    } catch (e) {
      const reason = /EISDIR|ENOENT|No such file|Failure/i.test((e as Error).message) ? t(lang, 'runUi.remoteNotFile', uri.path) : (e as Error).message;
      return `${t(lang, 'runUi.remoteUnreadable', uri.path, target, reason)}\n`;
    }
  }

  private async readRemote(target: string, path: string): Promise<{ text: string; truncated: boolean }> {
    const entry = this.targets.list().find((e) => e.target === target) ?? { name: target, target };
    const transport = await this.targets.transport(entry, { agentFile: this.agentFile });
    try {
      return await transport.readFile!(path, MAX_BYTES, this.lang());
    } finally {
      await transport.dispose();
    }
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
    this.decoration.dispose();
    this.changed.dispose();
  }
}

/** Builds the remote documents service for the composition root. */
export function createRemoteDocs(context: vscode.ExtensionContext, targets: TargetStore, lang: () => Lang): RemoteDocs {
  const docs = new RemoteDocs(targets, context.asAbsolutePath(join('dist', 'agent.js')), lang);
  context.subscriptions.push(docs);
  return docs;
}
