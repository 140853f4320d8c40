import * as vscode from 'vscode';
import { isExam } from '../../core/learner/exam';
import type { GroupBy } from '../../core/learner/grouping';
import type { LoadedPack } from '../../core/pack';

/** Whether a pack is under exam conditions: `exam: true` in pack.yaml, or the `tssrLab.exam` setting. */
export function examFor(pack: LoadedPack | undefined): boolean {
  return isExam(pack?.data, vscode.workspace.getConfiguration('tssrLab').get<boolean>('exam', false));
}

/** How the exercises tree is grouped (`tssrLab.tree.groupBy`). */
export function groupBy(): GroupBy {
  return vscode.workspace.getConfiguration('tssrLab').get<string>('tree.groupBy', 'pack') === 'competence' ? 'competence' : 'pack';
}

/** Flips the tree's grouping between pack and competence, in the user settings. */
export async function toggleGroupBy(): Promise<GroupBy> {
  const next: GroupBy = groupBy() === 'pack' ? 'competence' : 'pack';
  await vscode.workspace.getConfiguration('tssrLab').update('tree.groupBy', next, vscode.ConfigurationTarget.Global);
  return next;
}
