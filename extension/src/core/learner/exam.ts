import type { Pack } from '../../../../schemas/generated/types';

/** Whether the learner is under exam conditions: the pack says so (`exam: true`), or the editor's `tssrLab.exam` setting. */
export function isExam(pack: Pick<Pack, 'exam'> | undefined, setting: boolean): boolean {
  return setting || pack?.exam === true;
}
