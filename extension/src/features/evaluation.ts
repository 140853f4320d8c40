import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { candidateRequest, createTransport } from '../core/create-transport';
import { assemble } from '../core/grade/assemble';
import { evaluate, type HostProgress } from '../core/grade/evaluate';
import { candidateGrid } from '../core/grade/html-candidate';
import { parseInventory, type Candidate } from '../core/grade/inventory';
import { RunFolder } from '../core/grade/run-folder';
import { t } from '../core/i18n';
import { keyIsEncrypted } from '../core/private-key';
import { sshFactory } from '../ssh/lazy';
import { dialogPrompts } from './targets/connect';
import type { Services } from './services';

const ICON: Record<HostProgress['state'], string> = {
  waiting: 'circle-outline',
  connecting: 'loading~spin',
  running: 'sync~spin',
  done: 'pass',
  unreachable: 'debug-disconnect',
  error: 'error',
  interrupted: 'debug-pause',
  pending: 'circle-outline',
};

/** The Évaluation view: an inventory's candidates, graded in parallel, each opening its printable grid. */
export class EvaluationView implements vscode.TreeDataProvider<Candidate>, vscode.Disposable {
  candidates: Candidate[] = [];
  readonly states = new Map<string, HostProgress>();
  folder: RunFolder | undefined;
  private readonly changed = new vscode.EventEmitter<Candidate | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private running: AbortController | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
  ) {}

  private lang() {
    return this.services.lang();
  }

  getTreeItem(c: Candidate): vscode.TreeItem {
    const p = this.states.get(c.id);
    const state = p?.state ?? 'waiting';
    const item = new vscode.TreeItem(`${c.name} (${c.id})`);
    const counts = p && (state === 'running' || state === 'done') ? ` · ${p.checksDone}/${p.checksTotal}` : '';
    const points = p && state === 'done' ? ` · ${p.earned}/${p.points} pts` : '';
    item.description = `${t(this.lang(), `grade.state.${state}` as const)}${counts}${points}`;
    item.tooltip = p?.error?.message ?? `${c.user}@${c.host}:${c.port}`;
    item.iconPath = new vscode.ThemeIcon(ICON[state]);
    item.contextValue = 'tssrLab.candidate';
    item.command = { command: 'tssrLab.grade.openGrid', title: t(this.lang(), 'grade.ui.openGrid'), arguments: [c] };
    return item;
  }

  getChildren(c?: Candidate): Candidate[] {
    return c ? [] : this.candidates;
  }

  /** Reads an inventory (roster, Ansible or ssh config); the editor's ssh config resolves Host aliases. */
  open(file: string): void {
    const sshConfig = join(homedir(), '.ssh', 'config');
    this.candidates = parseInventory(readFileSync(file, 'utf8'), file, {
      lang: this.lang(),
      sshConfig: existsSync(sshConfig) ? { text: readFileSync(sshConfig, 'utf8'), home: homedir() } : undefined,
    });
    this.states.clear();
    this.folder = undefined;
    this.changed.fire(undefined);
  }

  /** Grades every candidate on the exercises, live in the view; the run folder keeps every result. */
  async grade(exerciseDirs: string[], runDir: string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error(t(this.lang(), 'ui.untrusted'));
    const all = this.services.packs.packs.flatMap((p) => p.exercises.map((e) => ({ pack: p, e })));
    const chosen = exerciseDirs.map((d) => all.find((x) => x.e.dir === d));
    const exercises = chosen.flatMap((x) => (x?.e.data ? [{ exercise: x.e.data, dir: x.e.dir }] : []));
    if (!exercises.length) throw new Error(t(this.lang(), 'grade.ui.noExercise'));
    const packData = chosen[0]?.pack.data;
    const pack = packData ? { id: packData.id, version: packData.version } : undefined;
    this.folder = RunFolder.create(runDir, {
      id: basename(runDir),
      startedAt: new Date().toISOString(),
      ...(pack ? { pack } : {}),
      exercises,
      candidates: this.candidates,
    });
    const cfg = vscode.workspace.getConfiguration('tssrLab');
    const defaults = {
      agentFile: this.context.asAbsolutePath(join('dist', 'agent.js')),
      lang: this.lang(),
      identityFile: cfg.get<string>('ssh.identityFile') || undefined,
      knownHostsFile: cfg.get<string>('ssh.knownHostsFile') || undefined,
      log: (l: string) => this.services.log.trace(l),
    };
    const passphrases = await this.passphrases(this.candidates.map((c) => candidateRequest(c, defaults).identityFile));
    this.running = new AbortController();
    try {
      await evaluate({
        candidates: this.candidates,
        exercises,
        pack,
        lang: this.lang(),
        concurrency: cfg.get<number>('grade.concurrency', 16),
        folder: this.folder,
        signal: this.running.signal,
        onProgress: (p) => {
          this.states.set(p.candidate.id, p);
          this.changed.fire(p.candidate);
        },
        // ssh2 loads on the first grading, not with the extension.
        connect: (c) => {
          const request = candidateRequest(c, defaults);
          return createTransport({ ...request, passphrase: passphrases.get(request.identityFile ?? '') }, sshFactory);
        },
      });
    } finally {
      this.running = undefined;
    }
  }

  stop(): void {
    this.running?.abort();
  }

  /**
   * The passphrases of the room's keys, from SecretStorage (the same entries as the Cibles view's), asked once per
   * encrypted key not yet kept: a room of 16 with one jury key asks once, before grading, never per candidate.
   */
  private async passphrases(keys: Array<string | undefined>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const store = this.services.targets;
    for (const file of new Set(keys.filter((k): k is string => Boolean(k)))) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // the transport names a missing key, per candidate
      }
      if (!keyIsEncrypted(text)) continue;
      let value = await store.secret(store.passphraseKey(file));
      if (!value) {
        value = await dialogPrompts(() => this.lang()).passphrase(file);
        if (value) await store.storeSecret(store.passphraseKey(file), value);
      }
      if (value) out.set(file, value);
    }
    return out;
  }

  /** The candidate's printable grid, from the run folder's journals (the same renderer as `tssr-lab report`). */
  gridHtml(c: Candidate): string | undefined {
    if (!this.folder) return undefined;
    const ev = assemble(this.folder, this.lang());
    const i = ev.hosts.findIndex((h) => h.candidate.id === c.id);
    return i < 0 ? undefined : candidateGrid(ev, i, this.lang());
  }

  dispose(): void {
    this.running?.abort();
    this.changed.dispose();
  }
}

/** Registers the view and its commands: open an inventory, grade it, stop, open a candidate's grid. */
export function registerEvaluation(context: vscode.ExtensionContext, services: Services): EvaluationView {
  const view = new EvaluationView(context, services);
  const lang = () => services.lang();
  context.subscriptions.push(
    view,
    vscode.window.createTreeView('tssrLab.evaluation', { treeDataProvider: view }),
    services.errors.register('tssrLab.grade.openInventory', async (uri?: vscode.Uri) => {
      const file = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: t(lang(), 'grade.ui.openInventory') }))?.[0];
      if (file) view.open(file.fsPath);
    }),
    services.errors.register('tssrLab.grade.run', async (exerciseDirs?: string[], runDir?: string) => {
      if (!view.candidates.length) return void vscode.window.showWarningMessage(t(lang(), 'grade.ui.noInventory'));
      let dirs = exerciseDirs;
      if (!dirs) {
        const items = services.packs.packs.flatMap((p) =>
          p.exercises.filter((e) => e.data).map((e) => ({ label: e.data!.id, description: p.data?.id, dir: e.dir })),
        );
        const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: t(lang(), 'grade.ui.pickExercises') });
        if (!picked?.length) return;
        dirs = picked.map((p) => p.dir);
      }
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? homedir();
      const dir = runDir ?? join(root, 'evaluations', new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-'));
      await vscode.window.withProgress({ location: { viewId: 'tssrLab.evaluation' }, cancellable: false }, () => view.grade(dirs!, dir));
      const done = [...view.states.values()].filter((p) => p.state === 'done').length;
      void vscode.window.showInformationMessage(t(lang(), 'grade.ui.finished', done, view.candidates.length, dir));
    }),
    services.errors.register('tssrLab.grade.stop', () => view.stop()),
    services.errors.register('tssrLab.grade.openGrid', (c: Candidate) => {
      const html = view.gridHtml(c);
      if (!html) return void vscode.window.showInformationMessage(t(lang(), 'grade.ui.notGraded', c.name));
      const panel = vscode.window.createWebviewPanel('tssrLab.grid', `${t(lang(), 'grade.html.title')} — ${c.name}`, vscode.ViewColumn.Active, {
        enableScripts: false,
      });
      panel.webview.html = html;
    }),
  );
  return view;
}
