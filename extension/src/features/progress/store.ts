import * as vscode from 'vscode';
import type { RunReport } from '../../../../schemas/generated/types';
import { HintLedger } from '../../core/hints';
import { progressKey, recordReport, type PackProgress } from '../../core/learner/progress';
import type { LoadedPack } from '../../core/pack';

const PROGRESS = 'tssrLab.progress:';
const HINTS = 'tssrLab.hints:';

/** The learner's progress and hint use, per pack id and version, in the extension's globalState (kept across workspaces). */
export class LearnerStore implements vscode.Disposable {
  private static readonly byContext = new WeakMap<vscode.ExtensionContext, LearnerStore>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after progress or hint use changes. */
  readonly onDidChange = this.changed.event;

  private constructor(private readonly memento: vscode.Memento) {}

  /** The one store of this activation: the tree and the learner's features share it. */
  static for(context: vscode.ExtensionContext): LearnerStore {
    let store = LearnerStore.byContext.get(context);
    if (!store) {
      store = new LearnerStore(context.globalState);
      LearnerStore.byContext.set(context, store);
      context.subscriptions.push(store);
    }
    return store;
  }

  /** The storage key of a loaded pack. */
  static keyOf(pack: LoadedPack): string {
    return progressKey(pack.data ? { id: pack.data.id, version: pack.data.version } : undefined);
  }

  /** Progress kept for a pack key. */
  progress(key: string): PackProgress {
    return this.memento.get<PackProgress>(PROGRESS + key, {});
  }

  /** Folds a finished run into its pack's progress. */
  async record(report: RunReport): Promise<void> {
    const key = progressKey(report.pack);
    await this.memento.update(PROGRESS + key, recordReport(this.progress(key), report));
    this.changed.fire();
  }

  /** The hint ledger of a pack key (a copy: call `saveLedger` after revealing). */
  ledger(key: string): HintLedger {
    return new HintLedger(structuredClone(this.memento.get<Record<string, Record<string, number>>>(HINTS + key, {})));
  }

  /** Persists a ledger after a hint was revealed. */
  async saveLedger(key: string, ledger: HintLedger): Promise<void> {
    await this.memento.update(HINTS + key, ledger.toJSON());
    this.changed.fire();
  }

  /** Every pack key with stored progress or hints, for the export. */
  keys(): string[] {
    const keys = this.memento.keys().flatMap((k) => (k.startsWith(PROGRESS) ? [k.slice(PROGRESS.length)] : k.startsWith(HINTS) ? [k.slice(HINTS.length)] : []));
    return [...new Set(keys)].sort();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
