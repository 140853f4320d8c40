import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CriterionStatus } from '../../../schemas/generated/types';
import { assessmentOf, hintsOf } from '../core/criteria';
import { t, type Lang, type MessageKey } from '../core/i18n';
import { groupByCompetence } from '../core/learner/grouping';
import { scoreOf } from '../core/learner/progress';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { referentiel } from '../core/referentiel';
import { localize } from '../core/text';
import { examFor, groupBy, toggleGroupBy } from './progress/config';
import { LearnerStore } from './progress/store';
import { CommandIds, type Services } from './services';
import { LearnerCommands } from './statement/ids';

type Placed = { pack: LoadedPack; exercise: LoadedExercise; criterionIds?: string[]; under?: string };

/** A row of the exercises tree. */
export type Node =
  | { kind: 'pack'; pack: LoadedPack }
  | { kind: 'block'; id: string; children: Node[] }
  | { kind: 'competence'; id: string; title: string; children: Node[] }
  | ({ kind: 'exercise' } & Placed)
  | ({ kind: 'action'; action: 'verify' | 'statement' } & Placed)
  | ({ kind: 'criterion'; id: string } & Placed);

const ICONS: Record<CriterionStatus, vscode.ThemeIcon> = {
  notRun: new vscode.ThemeIcon('circle-large-outline'),
  running: new vscode.ThemeIcon('loading~spin'),
  passed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  error: new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconErrored')),
};

/** Localised status words, shown in descriptions so screen readers and tests see the state; in exam mode only passed or not. */
function statusLabel(s: CriterionStatus, lang: Lang, exam: boolean): string {
  if (exam && (s === 'failed' || s === 'error')) return t(lang, 'learner.passedOnly.failed');
  return t(lang, `ui.status.${s}`);
}

/** pack → exercise → critère, or bloc → competence → exercise → critère; each row with its points earned over possible. */
export class ExerciseTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly services: Services,
    private readonly store: LearnerStore,
  ) {}

  /** Redraws the tree. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  /** A critère's state: the live session's, else the progress kept from an earlier run. */
  private stateOf(p: Placed, id: string): { status: CriterionStatus; earned: number } | undefined {
    const live = this.services.runs.sessions.get(p.exercise.dir)?.criteria.get(id);
    if (live && live.status !== 'notRun') return live;
    return this.store.progress(LearnerStore.keyOf(p.pack))[p.exercise.data?.id ?? '']?.[id] ?? live;
  }

  private score(items: Placed[]): string {
    let earned = 0;
    let points = 0;
    for (const p of items) {
      if (!p.exercise.data) continue;
      const s = scoreOf(p.exercise.data, p.criterionIds ?? p.exercise.data.criteria.map((c) => c.id), (id) => this.stateOf(p, id));
      earned += s.earned;
      points += s.points;
    }
    return `${earned}/${points}`;
  }

  private placedUnder(node: Node): Placed[] {
    if (node.kind === 'pack') return node.pack.exercises.map((exercise) => ({ pack: node.pack, exercise }));
    if (node.kind === 'block' || node.kind === 'competence') return node.children.flatMap((c) => this.placedUnder(c));
    return node.kind === 'exercise' ? [node] : [];
  }

  getChildren(node?: Node): Node[] {
    const packs = this.services.packs.packs;
    if (!node && groupBy() === 'competence') return this.byCompetence(packs);
    if (!node) return packs.map((pack) => ({ kind: 'pack', pack }));
    if (node.kind === 'pack') return node.pack.exercises.map((exercise) => ({ kind: 'exercise', pack: node.pack, exercise }));
    if (node.kind === 'block' || node.kind === 'competence') return node.children;
    if (node.kind === 'exercise' && node.exercise.data) {
      const ids = node.criterionIds ?? node.exercise.data.criteria.map((c) => c.id);
      const base: Placed = { pack: node.pack, exercise: node.exercise, criterionIds: node.criterionIds, under: node.under };
      return [
        { kind: 'action', action: 'verify', ...base },
        { kind: 'action', action: 'statement', ...base },
        ...ids.map((id): Node => ({ kind: 'criterion', id, ...base })),
      ];
    }
    return [];
  }

  private byCompetence(packs: LoadedPack[]): Node[] {
    const exercises = packs.flatMap((pack) => pack.exercises.filter((e) => e.data).map((e) => ({ key: { pack, exercise: e }, exercise: e.data! })));
    return groupByCompetence(exercises).map((block) => ({
      kind: 'block',
      id: block.id,
      children: block.competences.map((c) => ({
        kind: 'competence',
        id: c.id,
        title: c.title,
        children: c.exercises.map((e) => ({ kind: 'exercise', ...e.key, criterionIds: e.criterionIds, under: c.id })),
      })),
    }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = this.services.lang();
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    if (node.kind === 'pack') {
      const item = new vscode.TreeItem(node.pack.data ? localize(node.pack.data.title, lang) : node.pack.file, expanded);
      item.contextValue = 'pack';
      item.description = this.score(this.placedUnder(node));
      item.iconPath = new vscode.ThemeIcon(node.pack.problems.length ? 'warning' : 'package');
      item.resourceUri = vscode.Uri.file(node.pack.file);
      return item;
    }
    if (node.kind === 'block' || node.kind === 'competence') {
      const label = node.kind === 'block' ? t(lang, `learner.block.${node.id}` as MessageKey) : `${node.id} · ${node.title}`;
      const item = new vscode.TreeItem(label, expanded);
      item.id = `${node.kind}:${node.id}`;
      item.contextValue = node.kind;
      item.description = this.score(this.placedUnder(node));
      item.tooltip = label;
      item.iconPath = new vscode.ThemeIcon(node.kind === 'block' ? 'library' : 'mortar-board');
      return item;
    }
    if (node.kind === 'exercise') return this.exerciseItem(node, lang);
    if (node.kind === 'action') return this.actionItem(node, lang);
    return this.criterionItem(node, lang);
  }

  private exerciseItem(node: Placed, lang: Lang): vscode.TreeItem {
    const ex = node.exercise.data;
    const item = new vscode.TreeItem(
      ex ? localize(ex.title, lang) : basename(node.exercise.dir),
      ex ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `exercise:${node.under ?? ''}:${node.exercise.dir}`;
    item.contextValue = ex ? 'exercise' : 'invalidExercise';
    item.description = ex ? `${this.score([node])} · ${ex.competences.join(', ')}` : t(lang, 'ui.invalidExercise');
    item.iconPath = new vscode.ThemeIcon(ex ? 'beaker' : 'warning');
    item.command = ex ? { command: CommandIds.openStatement, title: t(lang, 'ui.openStatement'), arguments: [node.exercise.dir] } : undefined;
    return item;
  }

  // Inline actions show only on hover or selection (VS Code's tree CSS), so each exercise also gets two rows of its own.
  private actionItem(node: Placed & { action: 'verify' | 'statement' }, lang: Lang): vscode.TreeItem {
    const verify = node.action === 'verify';
    const title = t(lang, verify ? 'learner.action.verify' : 'learner.action.statement');
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = `action:${node.action}:${node.under ?? ''}:${node.exercise.dir}`;
    item.contextValue = `action.${node.action}`;
    item.iconPath = new vscode.ThemeIcon(verify ? 'play' : 'book');
    item.command = { command: verify ? CommandIds.verify : CommandIds.openStatement, title, arguments: [node.exercise.dir] };
    // Screen readers (and the e2e) tell the rows of different exercises apart.
    item.accessibilityInformation = { label: t(lang, 'learner.action.of', title, node.exercise.data!.id) };
    return item;
  }

  private criterionItem(node: Placed & { id: string }, lang: Lang): vscode.TreeItem {
    const criterion = node.exercise.data!.criteria.find((c) => c.id === node.id)!;
    const exam = examFor(node.pack);
    const jury = assessmentOf(criterion) === 'jury';
    const state = this.stateOf(node, node.id);
    const status = state?.status ?? 'notRun';
    const title = localize(criterion.title, lang);
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = `criterion:${node.under ?? ''}:${node.exercise.dir}:${node.id}`;
    item.contextValue = jury || exam || !hintsOf(criterion).length ? 'criterion' : 'criterion.hintable';
    item.iconPath = jury ? new vscode.ThemeIcon('person') : ICONS[status];
    const statusText = jury ? t(lang, 'learner.jury') : statusLabel(status, lang, exam);
    item.description =
      jury || exam ? `${criterion.referentiel} · ${statusText}` : `${criterion.referentiel} · ${state?.earned ?? 0}/${criterion.points} · ${statusText}`;
    const official = referentiel.critere(criterion.referentiel)?.text;
    const live = this.services.runs.sessions.get(node.exercise.dir)?.criteria.get(node.id);
    const failing = exam ? [] : (live?.results.filter((r) => r.status === 'fail' || r.status === 'error') ?? []);
    const ledger = this.store.ledger(LearnerStore.keyOf(node.pack));
    const hints = hintsOf(criterion);
    const shown = exam || jury ? [] : hints.slice(0, ledger.revealed(node.exercise.data!.id, node.id));
    item.tooltip = new vscode.MarkdownString(
      [
        `**${title}** (${criterion.referentiel}${official ? ` : ${official}` : ''})`,
        ...failing.map((r) => `- ${r.message}`),
        ...shown.map((h, i) => `\n_${t(lang, 'learner.hintShown', i + 1, hints.length, localize(h, lang))}_`),
        exam ? `\n_${t(lang, 'learner.examNoHints')}_` : status === 'passed' || jury || shown.length ? '' : `\n_${t(lang, 'learner.hintsHidden')}_`,
      ].join('\n'),
    );
    item.accessibilityInformation = { label: `${title}, ${statusText}` };
    return item;
  }
}

/** Registers the tree view and keeps it in step with packs, runs, progress, hints and settings. */
export function registerTree(context: vscode.ExtensionContext, services: Services): ExerciseTree {
  const store = LearnerStore.for(context);
  const tree = new ExerciseTree(services, store);
  const view = vscode.window.createTreeView('tssrLab.exercises', { treeDataProvider: tree, showCollapseAll: true });
  const syncContext = (): void => {
    void vscode.commands.executeCommand('setContext', 'tssrLab.groupBy', groupBy());
    void vscode.commands.executeCommand('setContext', 'tssrLab.hasPacks', services.packs.packs.length > 0);
  };
  syncContext();
  context.subscriptions.push(
    view,
    services.packs.onDidChange(() => {
      syncContext();
      tree.refresh();
    }),
    services.runs.onUpdate(() => tree.refresh()),
    store.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('tssrLab.tree.groupBy') && !e.affectsConfiguration('tssrLab.exam')) return;
      syncContext();
      tree.refresh();
    }),
    services.errors.register(LearnerCommands.toggleGrouping, async () => {
      const next = await toggleGroupBy();
      void vscode.window.setStatusBarMessage(t(services.lang(), next === 'pack' ? 'learner.groupBy.pack' : 'learner.groupBy.competence'), 4000);
    }),
  );
  return tree;
}
