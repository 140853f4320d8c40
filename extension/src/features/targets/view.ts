import * as vscode from 'vscode';
import { t, type Lang } from '../../core/i18n';
import { TargetCommandIds } from './ids';
import type { TargetEntry, TargetStore } from './store';

/** The Cibles view: the local target and the saved SSH targets, the active one marked. */
export class TargetTree implements vscode.TreeDataProvider<TargetEntry> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: TargetStore,
    private readonly lang: () => Lang,
  ) {}

  /** Redraws the view. */
  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: TargetEntry): TargetEntry[] {
    return node ? [] : this.store.list();
  }

  getTreeItem(entry: TargetEntry): vscode.TreeItem {
    const lang = this.lang();
    const local = entry.target === 'local';
    const active = this.store.active().target === entry.target;
    const item = new vscode.TreeItem(local ? t(lang, 'targets.local') : entry.name);
    item.id = `target:${entry.name}`;
    // The state first: a narrow view cuts the end of the description.
    item.description = [active ? `● ${t(lang, 'targets.active')}` : '', local ? '' : entry.target.replace(/^ssh:\/\//, '')].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(local ? 'device-desktop' : 'vm', active ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = local ? 'target.local' : 'target.ssh';
    item.tooltip = local ? t(lang, 'targets.local') : `${entry.name} — ${entry.target}${entry.sudo ? ' (sudo)' : ''}`;
    item.command = { command: TargetCommandIds.use, title: entry.name, arguments: [entry] };
    item.accessibilityInformation = {
      label: [local ? t(lang, 'targets.local') : `${entry.name}, ${entry.target}`, active ? t(lang, 'targets.active') : ''].filter(Boolean).join(', '),
    };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
