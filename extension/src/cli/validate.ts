import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { t, type Lang } from '../core/i18n';
import { allProblems, EXERCISE_FILE, loadExercise, loadPack, PACK_FILE } from '../core/pack';
import { formatProblem, type Problem } from '../core/problems';
import { PackError } from '../core/errors';

/** Validates a pack or an exercise folder (or its YAML file); prints `file:line:col: message` per problem. */
export function validatePath(path: string, lang: Lang, out: (s: string) => void): number {
  let dir = resolve(path);
  if (existsSync(dir) && statSync(dir).isFile()) dir = resolve(dir, '..');
  let problems: Problem[];
  if (existsSync(join(dir, PACK_FILE))) problems = allProblems(loadPack(dir, lang));
  else if (existsSync(join(dir, EXERCISE_FILE))) problems = loadExercise(dir, lang).problems;
  else throw new PackError('NOT_FOUND', t(lang, 'pack.notFound', path));
  problems.forEach((p) => out(formatProblem(p)));
  const errors = problems.filter((p) => p.severity === 'error').length;
  out(problems.length ? t(lang, 'validate.count', problems.length) : t(lang, 'validate.ok', path));
  return errors ? 1 : 0;
}
