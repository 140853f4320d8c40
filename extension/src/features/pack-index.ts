import * as vscode from 'vscode';
import { dirname } from 'node:path';
import type { Lang } from '../core/i18n';
import { loadPack, type LoadedExercise, type LoadedPack } from '../core/pack';

/** Every pack of the workspace, reloaded when a pack or exercise file changes. */
export class PackIndex implements vscode.Disposable {
  packs: LoadedPack[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each reload. */
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/{pack,exercise}.yaml');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly lang: () => Lang,
    private readonly log: vscode.LogOutputChannel,
  ) {
    for (const ev of [this.watcher.onDidChange, this.watcher.onDidCreate, this.watcher.onDidDelete]) ev(() => this.schedule());
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), 200);
  }

  /** Finds and loads every pack.yaml of the workspace folders. */
  async reload(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/pack.yaml', '**/node_modules/**');
    const packs: LoadedPack[] = [];
    for (const f of files.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
      try {
        packs.push(loadPack(dirname(f.fsPath), this.lang()));
      } catch (e) {
        this.log.error(`cannot load ${f.fsPath}: ${(e as Error).message}`);
      }
    }
    this.packs = packs;
    this.log.info(`loaded ${packs.length} pack(s), ${packs.reduce((n, p) => n + p.exercises.length, 0)} exercise(s)`);
    this.changed.fire();
  }

  /** Finds a loaded exercise by its folder or id. */
  exercise(key: string): { pack: LoadedPack; exercise: LoadedExercise } | undefined {
    for (const pack of this.packs) {
      const exercise = pack.exercises.find((e) => e.dir === key || e.data?.id === key);
      if (exercise) return { pack, exercise };
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher.dispose();
    this.changed.dispose();
  }
}
