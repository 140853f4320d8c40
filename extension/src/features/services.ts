import type * as vscode from 'vscode';
import type { Lang } from '../core/i18n';
import type { PackIndex } from './pack-index';
import type { RunService } from './run-service';

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
}
