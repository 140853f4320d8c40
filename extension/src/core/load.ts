import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors';
import { t, type Lang } from './i18n';
import { allProblems, entryExists, EXERCISE_FILE, loadExercise, loadPack, loadPackExercise, PACK_FILE, type LoadedExercise, type LoadedPack } from './pack';
import type { Problem } from './problems';

/** A path given to validate or check, loaded with every problem `validate` reports for it (an exercise's pack holds only that exercise). */
export type LoadedTarget =
  { kind: 'pack'; pack: LoadedPack; problems: Problem[] } | { kind: 'exercise'; exercise: LoadedExercise; pack?: LoadedPack; problems: Problem[] };

/**
 * The one validation behind `validate`, `check` and the editor: a pack folder with all its exercises, or an
 * exercise folder with its pack's own problems (pack.yaml, its list of exercises). Throws a UsageError when the
 * path holds neither.
 */
export function loadTarget(path: string, lang: Lang): LoadedTarget {
  const abs = resolve(path);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new UsageError('NO_SUCH_PATH', t(lang, 'usage.noSuchPath', path));
  const dir = st.isDirectory() ? abs : dirname(abs);
  if (entryExists(join(dir, PACK_FILE))) {
    const pack = loadPack(dir, lang);
    return { kind: 'pack', pack, problems: allProblems(pack) };
  }
  if (!entryExists(join(dir, EXERCISE_FILE))) throw new UsageError('NOT_FOUND', t(lang, 'pack.notFound', path));
  // Only pack.yaml and this exercise are loaded: the pack's other exercises are not this target's problems.
  const { pack, exercise } = entryExists(join(dirname(dir), PACK_FILE))
    ? loadPackExercise(dirname(dir), dir, lang)
    : { pack: undefined, exercise: loadExercise(dir, lang) };
  return { kind: 'exercise', exercise, pack, problems: [...(pack?.problems ?? []), ...exercise.problems] };
}

/** Whether any problem is an error (warnings never block). */
export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The exercise folders of a pack, by name, for messages. */
export function exerciseNames(pack: LoadedPack): string {
  return pack.exercises.map((e) => basename(e.dir)).join(', ');
}
