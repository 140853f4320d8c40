import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessmentOf, hintsOf } from '../../core/criteria';
import { t } from '../../core/i18n';
import type { LoadedExercise, LoadedPack } from '../../core/pack';
import { localize } from '../../core/text';
import { examFor } from '../progress/config';
import { LearnerStore } from '../progress/store';
import { CommandIds, type Services } from '../services';
import { renderStatement } from './markdown';
import { liveHtml, pageHtml, type CriterionLine } from './page';
import { LearnerCommands } from './ids';

/** One statement webview per exercise, rendered from its enonce.md, with the learner's buttons and live critères. */
export class StatementPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; pack: LoadedPack; exercise: LoadedExercise }>();

  constructor(
    private readonly services: Services,
    private readonly store: LearnerStore,
  ) {}

  /** Opens (or reveals) the statement of an exercise. */
  open(pack: LoadedPack, exercise: LoadedExercise): vscode.WebviewPanel | undefined {
    const ex = exercise.data;
    if (!ex) return undefined;
    const known = this.panels.get(exercise.dir);
    if (known) {
      known.panel.reveal();
      return known.panel;
    }
    const panel = vscode.window.createWebviewPanel('tssrLab.statement', localize(ex.title, this.services.lang()), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.file(exercise.dir)],
      retainContextWhenHidden: false,
    });
    this.panels.set(exercise.dir, { panel, pack, exercise });
    panel.onDidDispose(() => this.panels.delete(exercise.dir));
    panel.webview.onDidReceiveMessage((m: { action?: string }) => {
      const command = {
        start: LearnerCommands.start,
        verify: CommandIds.verify,
        hint: LearnerCommands.nextHint,
        prepare: LearnerCommands.prepareVm,
      }[m.action ?? ''];
      // A plain folder: every command of the path (and Vérifier's picker) accepts it.
      if (command) void vscode.commands.executeCommand(command, exercise.dir);
    });
    this.render(exercise.dir);
    return panel;
  }

  /** Re-renders every open statement (language, target or exam setting changed). */
  renderAll(): void {
    for (const dir of this.panels.keys()) this.render(dir);
  }

  /** Sends the live part (critères, hints) to every open statement. */
  updateAll(): void {
    for (const [dir, { panel }] of this.panels) void panel.webview.postMessage({ live: liveHtml(this.view(dir)!) });
  }

  private render(dir: string): void {
    const open = this.panels.get(dir);
    const ex = open?.exercise.data;
    if (!open || !ex) return;
    const lang = this.services.lang();
    const { panel, exercise } = open;
    const file = join(exercise.dir, ex.statement ?? 'enonce.md');
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch {
      markdown = t(lang, 'learner.statementMissing', ex.statement ?? 'enonce.md');
    }
    const statementHtml = renderStatement(markdown, exercise.dir, (f) => panel.webview.asWebviewUri(vscode.Uri.file(f)).toString());
    const nonce = randomBytes(16).toString('base64');
    panel.webview.html = pageHtml({ ...this.view(dir)!, statementHtml }, { source: panel.webview.cspSource, nonce });
  }

  /** What the page shows, from the live session or the progress kept, hints as the ledger has them. */
  private view(dir: string): Omit<Parameters<typeof pageHtml>[0], 'statementHtml'> | undefined {
    const open = this.panels.get(dir);
    const ex = open?.exercise.data;
    if (!open || !ex) return undefined;
    const lang = this.services.lang();
    const exam = examFor(open.pack);
    const key = LearnerStore.keyOf(open.pack);
    const ledger = this.store.ledger(key);
    const kept = this.store.progress(key)[ex.id] ?? {};
    const session = this.services.runs.sessions.get(dir);
    const criteria: CriterionLine[] = ex.criteria.map((c) => {
      const live = session?.criteria.get(c.id);
      const state = live && live.status !== 'notRun' ? live : (kept[c.id] ?? live);
      const status = state?.status ?? 'notRun';
      const jury = assessmentOf(c) === 'jury';
      const hints = hintsOf(c);
      const failed = status === 'failed' || status === 'error';
      return {
        id: c.id,
        title: localize(c.title, lang),
        referentiel: c.referentiel,
        status: jury ? 'jury' : status,
        state: jury ? t(lang, 'learner.jury') : exam && failed ? t(lang, 'learner.passedOnly.failed') : t(lang, `ui.status.${status}`),
        score: jury || exam ? undefined : `${state?.earned ?? 0}/${c.points}`,
        hints: exam || jury ? [] : hints.slice(0, ledger.revealed(ex.id, c.id)).map((h) => localize(h, lang)),
        hintTotal: hints.length,
      };
    });
    const meta = [
      ex.level ? t(lang, `learner.level.${ex.level}`) : '',
      ex.durationMinutes ? t(lang, 'learner.duration', ex.durationMinutes) : '',
      ex.competences.join(', '),
    ];
    return {
      lang,
      title: localize(ex.title, lang),
      meta: meta.filter(Boolean).join(' · '),
      canStart: (ex.starter ?? []).length > 0,
      // « Préparer la VM » only on a VM: the setup never runs on the learner's own computer.
      canPrepare: Boolean(ex.setup) && this.services.targets.active().target.startsWith('ssh://'),
      exam,
      criteria,
    };
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
