import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CriterionStatus } from '../../../schemas/generated/types';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { t, type Lang } from '../core/i18n';
import { localize } from '../core/text';
import { CommandIds, type Services } from './services';

/** A row of the exercises tree. */
export type Node =
  | { kind: 'pack'; pack: LoadedPack }
  | { kind: 'exercise'; pack: LoadedPack; exercise: LoadedExercise }
  | { kind: 'criterion'; pack: LoadedPack; exercise: LoadedExercise; id: string };

const ICONS: Record<CriterionStatus, vscode.ThemeIcon> = {
  notRun: new vscode.ThemeIcon('circle-large-outline'),
  running: new vscode.ThemeIcon('loading~spin'),
  passed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  error: new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconErrored')),
};

/** Localised status words, shown in descriptions so screen readers and tests see the state. */
function statusLabel(s: CriterionStatus, lang: Lang): string {
  return t(lang, `ui.status.${s}`);
}

/** pack → exercise → critère, with each critère's last state. */
export class ExerciseTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {}

  /** Redraws the tree. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.services.packs.packs.map((pack) => ({ kind: 'pack', pack }));
    if (node.kind === 'pack') return node.pack.exercises.map((exercise) => ({ kind: 'exercise', pack: node.pack, exercise }));
    if (node.kind === 'exercise')
      return (node.exercise.data?.criteria ?? []).map((c) => ({ kind: 'criterion', pack: node.pack, exercise: node.exercise, id: c.id }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = this.services.lang();
    if (node.kind === 'pack') {
      const item = new vscode.TreeItem(node.pack.data ? localize(node.pack.data.title, lang) : node.pack.file, vscode.TreeItemCollapsibleState.Expanded);
      item.contextValue = 'pack';
      item.iconPath = new vscode.ThemeIcon(node.pack.problems.length ? 'warning' : 'package');
      item.resourceUri = vscode.Uri.file(node.pack.file);
      return item;
    }
    if (node.kind === 'exercise') {
      const ex = node.exercise.data;
      const item = new vscode.TreeItem(
        ex ? localize(ex.title, lang) : basename(node.exercise.dir),
        ex ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
      );
      item.id = `exercise:${node.exercise.dir}`;
      item.contextValue = ex ? 'exercise' : 'invalidExercise';
      item.description = ex ? ex.competences.join(', ') : t(lang, 'ui.invalidExercise');
      item.iconPath = new vscode.ThemeIcon(ex ? 'beaker' : 'warning');
      item.command = ex ? { command: CommandIds.openStatement, title: t(lang, 'ui.openStatement'), arguments: [node.exercise.dir] } : undefined;
      return item;
    }
    const criterion = node.exercise.data!.criteria.find((c) => c.id === node.id)!;
    const state = this.services.runs.sessions.get(node.exercise.dir)?.criteria.get(node.id);
    const status = state?.status ?? 'notRun';
    const item = new vscode.TreeItem(localize(criterion.title, lang), vscode.TreeItemCollapsibleState.None);
    item.id = `criterion:${node.exercise.dir}:${node.id}`;
    item.contextValue = 'criterion';
    item.iconPath = ICONS[status];
    item.description = `${criterion.referentiel} · ${state?.earned ?? 0}/${criterion.points} · ${statusLabel(status, lang)}`;
    const failing = state?.results.filter((r) => r.status === 'fail' || r.status === 'error') ?? [];
    item.tooltip = new vscode.MarkdownString(
      [
        `**${localize(criterion.title, lang)}** (${criterion.referentiel})`,
        ...failing.map((r) => `- ${r.message}`),
        status === 'passed' ? '' : `\n_${localize(criterion.hint, lang)}_`,
      ].join('\n'),
    );
    item.accessibilityInformation = { label: `${localize(criterion.title, lang)}, ${statusLabel(status, lang)}` };
    return item;
  }
}

/** Registers the tree view and keeps it in step with packs and runs. */
export function registerTree(context: vscode.ExtensionContext, services: Services): ExerciseTree {
  const tree = new ExerciseTree(services);
  context.subscriptions.push(
    vscode.window.createTreeView('tssrLab.exercises', { treeDataProvider: tree, showCollapseAll: true }),
    services.packs.onDidChange(() => tree.refresh()),
    services.runs.onUpdate(() => tree.refresh()),
  );
  return tree;
}
