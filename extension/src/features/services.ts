import type * as vscode from 'vscode';
import type { Lang } from '../core/i18n';
import type { PackIndex } from './pack-index';
import type { ErrorBoundary } from './error-boundary';
import type { RemoteDocs } from './remote-docs';
import type { RunService } from './run-service';
import type { TargetStore } from './targets/store';

/** Command ids, in one table. */
export const CommandIds = {
  verify: 'tssrLab.verify',
  openStatement: 'tssrLab.openStatement',
  refresh: 'tssrLab.refresh',
  explainScript: 'tssrLab.explainScript',
  /** Internal: the explain panel's line links (uri, line, col: 1-based). */
  revealScriptLine: 'tssrLab.revealScriptLine',
} as const;

/** Services built once by the composition root and handed to each feature. */
export interface Services {
  log: vscode.LogOutputChannel;
  lang(): Lang;
  packs: PackIndex;
  runs: RunService;
  /** The saved targets and the active one. */
  targets: TargetStore;
  /** The one error boundary: `errors.register(id, handler)` for every command, `errors.show(e)` elsewhere. */
  errors: ErrorBoundary;
  /** Read-only copies of the target's files (`tssr-lab-remote:`). */
  remoteDocs: RemoteDocs;
}
