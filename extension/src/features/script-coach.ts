import * as vscode from 'vscode';
import { t } from '../core/i18n';
import { detectLanguage } from '../core/lint/detect';
import { LintWorkerClient, LintWorkerError } from '../core/lint/worker-client';
import { mergeFindings, runShellcheck } from '../core/lint/shellcheck';
import type { Finding, ScriptLanguage } from '../core/lint/types';
import type { Services } from './services';

/** Lint settings read from `tssrLab.lint.*`. */
function settings(): { enabled: boolean; run: 'onType' | 'onSave'; shellcheck: boolean; shellcheckPath: string; ignore: string[] } {
  const c = vscode.workspace.getConfiguration('tssrLab.lint');
  return {
    enabled: c.get('enabled', true),
    run: c.get('run', 'onType'),
    shellcheck: c.get('shellcheck.enabled', true),
    shellcheckPath: c.get('shellcheck.path', 'shellcheck') || 'shellcheck',
    ignore: c.get<string[]>('ignore', []),
  };
}

/** What the coach keeps per open script. */
interface Entry {
  language: ScriptLanguage;
  /** The text the worker holds once the requests sent so far are done: what it analyses next. */
  text: string;
  /** TSSR findings of the current text, and what was published (merged with ShellCheck's when current). */
  own: Finding[];
  findings: Finding[];
  version: number;
  /** ShellCheck runs one at a time per document, debounced; its findings are merged only for the version they read. */
  sc?: { version: number; findings: Finding[] };
  scTimer?: NodeJS.Timeout;
  scRunning?: boolean;
  scAgain?: boolean;
}

/** ShellCheck is slower than the TSSR rules: it runs after typing pauses, never twice at once for a document. */
const SHELLCHECK_DELAY_MS = 400;

/** Findings of the open scripts, kept for hovers, quick fixes and the explain panel. */
export class ScriptCoach implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('tssrLab.scripts');
  private readonly docs = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's findings are published. */
  readonly onDidAnalyse = this.changed.event;
  /** The engine runs in a worker thread: parsing never blocks the extension host (core/lint/worker-client.ts). */
  private readonly engine = new LintWorkerClient();
  private timers = new Map<string, NodeJS.Timeout>();
  private warnedMissing = false;

  constructor(private readonly services: Services) {}

  /** The script language of a document, or undefined when the coach does not read it. */
  languageOf(doc: vscode.TextDocument): ScriptLanguage | undefined {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return undefined;
    if (doc.languageId === 'powershell') return 'powershell';
    return detectLanguage(doc.fileName, doc.getText(new vscode.Range(0, 0, 1, 0)));
  }

  findings(uri: vscode.Uri): Finding[] {
    return this.docs.get(uri.toString())?.findings ?? [];
  }

  /** Schedules an analysis; `change` lets a single edit re-parse incrementally. */
  schedule(doc: vscode.TextDocument, change?: vscode.TextDocumentContentChangeEvent, delayMs = 120): void {
    const s = settings();
    if (!s.enabled || !this.languageOf(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    if (change) this.applyEdit(doc, change);
    this.timers.set(
      key,
      setTimeout(() => void this.analyse(doc, !change), delayMs),
    );
  }

  private applyEdit(doc: vscode.TextDocument, change: vscode.TextDocumentContentChangeEvent): void {
    const key = doc.uri.toString();
    const entry = this.docs.get(key);
    if (!entry) return;
    // Keeps the worker's syntax tree in step with the text so the next parse is incremental; parse and rules wait for analyse().
    const end = change.rangeOffset + change.rangeLength;
    entry.text = entry.text.slice(0, change.rangeOffset) + change.text + entry.text.slice(end);
    this.engine.edit(key, change.rangeOffset, end, change.text);
  }

  /** Runs the TSSR rules in the worker and publishes; ShellCheck (bash) follows when typing pauses. */
  async analyse(doc: vscode.TextDocument, full = true): Promise<void> {
    const language = this.languageOf(doc);
    if (!language || doc.isClosed) return;
    const s = settings();
    const key = doc.uri.toString();
    let entry = this.docs.get(key);
    if (!entry || entry.language !== language) {
      entry = { language, text: '', own: [], findings: [], version: -1 };
      this.docs.set(key, entry);
      full = true;
    }
    const text = doc.getText();
    if (entry.text !== text) full = true;
    entry.text = text;
    let own: Finding[];
    try {
      own = full ? await this.engine.analyse(key, language, text, { ignore: s.ignore }) : await this.engine.findings(key, { ignore: s.ignore });
    } catch (e) {
      // A restarted worker no longer holds the document: analyse it afresh, once.
      if (!(e instanceof LintWorkerError && e.unknown && !full)) {
        this.services.log.error(`script coach: ${(e as Error).message}`);
        return;
      }
      own = await this.engine.analyse(key, language, text, { ignore: s.ignore });
    }
    // Newer edits went to the worker meanwhile (their analysis is scheduled), or the document closed: drop this one.
    if (this.docs.get(key) !== entry || doc.isClosed || entry.text !== text) return;
    entry.own = own;
    this.publish(doc, entry);
    if (language === 'bash' && s.shellcheck) {
      clearTimeout(entry.scTimer);
      const current = entry;
      entry.scTimer = setTimeout(() => void this.shellcheck(doc, current), full ? 0 : SHELLCHECK_DELAY_MS);
    } else {
      entry.sc = undefined;
    }
  }

  /** Merges the TSSR findings with ShellCheck's when those read this very version, and publishes. */
  private publish(doc: vscode.TextDocument, entry: Entry): void {
    entry.version = doc.version;
    entry.findings = entry.sc?.version === doc.version ? mergeFindings(entry.own, entry.sc.findings) : entry.own;
    this.diagnostics.set(
      doc.uri,
      entry.findings.map((f) => this.toDiagnostic(doc, f)),
    );
    this.changed.fire(doc.uri);
  }

  private async shellcheck(doc: vscode.TextDocument, entry: Entry): Promise<void> {
    if (entry.scRunning) {
      entry.scAgain = true;
      return;
    }
    entry.scRunning = true;
    const s = settings();
    const version = doc.version;
    try {
      const sc = await runShellcheck(doc.getText(), { path: s.shellcheckPath, exclude: s.ignore.filter((c) => /^SC\d+$/i.test(c)) });
      if (sc.kind === 'ok') entry.sc = { version, findings: sc.findings };
      else if (sc.kind === 'missing') this.warnMissing();
      else this.services.log.warn(`ShellCheck failed: ${sc.message}`);
    } finally {
      entry.scRunning = false;
    }
    if (this.docs.get(doc.uri.toString()) !== entry) return;
    if (doc.version === version && !doc.isClosed) this.publish(doc, entry);
    if (entry.scAgain || doc.version !== version) {
      entry.scAgain = false;
      if (!doc.isClosed) void this.shellcheck(doc, entry);
    }
  }

  private toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const lang = this.services.lang();
    const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(Math.max(f.end, f.start + 1)));
    const silenced = t(lang, 'lint.silencedDiagnostic');
    const severity = f.suppressed
      ? vscode.DiagnosticSeverity.Hint
      : f.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : f.severity === 'warning'
          ? vscode.DiagnosticSeverity.Warning
          : vscode.DiagnosticSeverity.Information;
    const d = new vscode.Diagnostic(range, `${f.message[lang]}${f.critere ? ` (${f.critere})` : ''}${f.suppressed ? silenced : ''}`, severity);
    d.source = f.source === 'shellcheck' ? 'ShellCheck' : 'TSSR Lab';
    d.code = { value: f.alias && f.source === 'tssr' ? `${f.code} / ${f.alias}` : f.code, target: f.url ? vscode.Uri.parse(f.url) : ruleUri(f.code) };
    return d;
  }

  private warnMissing(): void {
    if (this.warnedMissing) return;
    this.warnedMissing = true;
    const copy = t(this.services.lang(), 'ui.copyInstall');
    void vscode.window.showInformationMessage(t(this.services.lang(), 'lint.shellcheckMissing'), copy).then((choice) => {
      if (choice === copy) void vscode.env.clipboard.writeText('sudo apt-get install -y shellcheck');
    });
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    // A pending analysis must not bring a closed document's diagnostics back.
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const entry = this.docs.get(key);
    clearTimeout(entry?.scTimer);
    if (entry) this.engine.close(key);
    this.docs.delete(key);
    this.diagnostics.delete(doc.uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.docs.forEach((d) => clearTimeout(d.scTimer));
    this.engine.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

/** The virtual document explaining a TSSR rule (scheme `tssr-lab-rule`). */
export function ruleUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'tssr-lab-rule', path: `/${code}.md` });
}

/** Registers the script coach: diagnostics on open, type or save. Hovers, fixes and the panel are in script-coach-ui.ts. */
export function registerScriptCoach(context: vscode.ExtensionContext, services: Services): ScriptCoach {
  const coach = new ScriptCoach(services);
  context.subscriptions.push(
    coach,
    vscode.workspace.onDidOpenTextDocument((d) => coach.schedule(d, undefined, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (settings().run !== 'onType' || !e.contentChanges.length) return;
      coach.schedule(e.document, e.contentChanges.length === 1 ? e.contentChanges[0] : undefined);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => coach.schedule(d, undefined, 0)),
    vscode.workspace.onDidCloseTextDocument((d) => coach.forget(d)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tssrLab.lint') || e.affectsConfiguration('tssrLab.language'))
        vscode.workspace.textDocuments.forEach((d) => coach.schedule(d, undefined, 0));
    }),
  );
  vscode.workspace.textDocuments.forEach((d) => coach.schedule(d, undefined, 0));
  return coach;
}
