import * as vscode from 'vscode';
import type { LoadedExercise, LoadedPack } from '../../core/pack';
import { localize } from '../../core/text';
import { t } from '../../core/i18n';
import type { Services } from '../services';

/** An exercise a learner command acts on, and the critère when the caller named one. */
export interface Target {
  pack: LoadedPack;
  exercise: LoadedExercise;
  criterionId?: string;
}

/**
 * Reads a command's argument: an exercise folder or id, `{ exerciseDir, criterionId }` (statement page), a tree node,
 * or the `{ test, message }` of a Testing message menu (test item ids `ex:<folder>` and `cr:<folder>#<critère>`).
 */
export function targetOf(services: Services, arg: unknown): Target | undefined {
  const find = (key: string, criterionId?: string): Target | undefined => {
    const found = services.packs.exercise(key);
    return found?.exercise.data ? { ...found, criterionId } : undefined;
  };
  if (typeof arg === 'string') return find(arg);
  const a = (arg ?? {}) as {
    exerciseDir?: unknown;
    criterionId?: unknown;
    exercise?: { dir?: unknown };
    id?: unknown;
    kind?: unknown;
    test?: { id?: unknown };
  };
  if (typeof a.exerciseDir === 'string') return find(a.exerciseDir, typeof a.criterionId === 'string' ? a.criterionId : undefined);
  if (typeof a.exercise?.dir === 'string') return find(a.exercise.dir, a.kind === 'criterion' && typeof a.id === 'string' ? a.id : undefined);
  const testId = typeof a.test?.id === 'string' ? a.test.id : '';
  const m = /^(?:cr|ex):(.+?)(?:#([^#]+))?$/.exec(testId);
  return m ? find(m[1], m[2]) : undefined;
}

/** The target of a command, or asks the learner to pick an exercise. */
export async function targetOrPick(services: Services, arg: unknown): Promise<Target | undefined> {
  const known = targetOf(services, arg);
  if (known || arg) return known;
  const lang = services.lang();
  const choices = services.packs.packs.flatMap((pack) =>
    pack.exercises.filter((e) => e.data).map((exercise) => ({ label: localize(exercise.data!.title, lang), description: exercise.data!.id, pack, exercise })),
  );
  const picked = await vscode.window.showQuickPick(choices, { placeHolder: t(lang, 'learner.pickExercise') });
  return picked ? { pack: picked.pack, exercise: picked.exercise } : undefined;
}
