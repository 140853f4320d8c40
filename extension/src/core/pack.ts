import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exerciseRules } from './exercise-rules';
import type { Exercise } from './generated/exercise';
import type { Pack } from './generated/pack';
import { t, type Lang } from './i18n';
import { YamlSource } from './positions';
import type { Problem } from './problems';
import { locateErrors } from './schema-errors';
import { validate } from './schemas';

/** An exercise read from its folder, valid or not. */
export interface LoadedExercise { dir: string; file: string; data?: Exercise; problems: Problem[] }
/** A pack read from its folder with all its exercises. */
export interface LoadedPack { dir: string; file: string; data?: Pack; exercises: LoadedExercise[]; problems: Problem[] }

/** File names that mark a pack and an exercise. */
export const PACK_FILE = 'pack.yaml';
export const EXERCISE_FILE = 'exercise.yaml';

/** Parses and validates YAML text against a schema; returns the data only when it has no error. */
export function validateText<T>(kind: 'pack' | 'exercise', text: string, file: string, lang: Lang, fileExists: (rel: string) => boolean = () => true): { data?: T; problems: Problem[] } {
  const source = new YamlSource(text);
  const syntax = [...source.doc.errors, ...source.doc.warnings];
  if (source.doc.errors.length) {
    return {
      problems: syntax.map((e) => ({ file, range: source.range(e.pos[0], e.pos[1]), severity: 'error', code: 'yaml', message: t(lang, 'pack.yamlSyntax', e.message.split('\n')[0]) })),
    };
  }
  const value: unknown = source.doc.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ file, range: source.range(0, text.length), severity: 'error', code: 'yaml', message: t(lang, 'pack.notYamlObject') }] };
  }
  const problems: Problem[] = locateErrors(validate(`${kind}.schema.json`, value), source, lang).map((e) => ({ file, severity: 'error', ...e }));
  if (problems.length) return { problems };
  if (kind === 'exercise') problems.push(...exerciseRules(value as Exercise, source, file, lang, fileExists));
  return { data: problems.some((p) => p.severity === 'error') ? undefined : (value as T), problems };
}

/** Loads one exercise folder. */
export function loadExercise(dir: string, lang: Lang = 'fr'): LoadedExercise {
  const file = join(dir, EXERCISE_FILE);
  const text = readFileSync(file, 'utf8');
  const { data, problems } = validateText<Exercise>('exercise', text, file, lang, (rel) => existsSync(resolve(dir, rel)));
  return { dir, file, data, problems };
}

function exerciseDirs(dir: string, pack?: Pack): string[] {
  if (pack?.exercises) return pack.exercises.map((e) => join(dir, e));
  return readdirSync(dir).sort()
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isDirectory() && existsSync(join(p, EXERCISE_FILE)));
}

/** Loads a pack folder and every exercise in it. */
export function loadPack(dir: string, lang: Lang = 'fr'): LoadedPack {
  const file = join(dir, PACK_FILE);
  const { data, problems } = validateText<Pack>('pack', readFileSync(file, 'utf8'), file, lang);
  const exercises: LoadedExercise[] = [];
  const ids = new Map<string, string>();
  for (const exDir of exerciseDirs(dir, data)) {
    if (!existsSync(join(exDir, EXERCISE_FILE))) {
      problems.push({ file, range: { line: 1, col: 1, endLine: 1, endCol: 1 }, severity: 'error', code: 'missing-file', message: t(lang, 'pack.missingFile', join(basename(exDir), EXERCISE_FILE)) });
      continue;
    }
    const ex = loadExercise(exDir, lang);
    if (ex.data && ids.has(ex.data.id)) {
      ex.problems.push({ file: ex.file, range: { line: 1, col: 1, endLine: 1, endCol: 1 }, severity: 'error', code: 'duplicate-exercise', message: t(lang, 'pack.duplicateExercise', ex.data.id) });
    }
    if (ex.data) ids.set(ex.data.id, ex.dir);
    exercises.push(ex);
  }
  return { dir, file, data, exercises, problems };
}

/** Finds the pack folder of a path: the path itself, or the parent of an exercise folder. */
export function findPackDir(path: string): string | undefined {
  const abs = resolve(path);
  const dir = existsSync(abs) && statSync(abs).isFile() ? dirname(abs) : abs;
  if (existsSync(join(dir, PACK_FILE))) return dir;
  if (existsSync(join(dirname(dir), PACK_FILE))) return dirname(dir);
  return undefined;
}

/** All problems of a loaded pack, pack file first. */
export function allProblems(pack: LoadedPack): Problem[] {
  return [...pack.problems, ...pack.exercises.flatMap((e) => e.problems)];
}
