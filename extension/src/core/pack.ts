import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isAlias, visit, type Node } from 'yaml';
import { exerciseRules } from './exercise-rules';
import type { Exercise } from '../../../schemas/generated/types';
import type { Pack } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import { exercisePathRules, lexicalPaths, pathMessage, pathsUnder, type PathCheck } from './path-rules';
import { resolveInside } from './paths';
import { YamlSource } from './positions';
import { yamlSyntaxText } from './yaml-messages';
import type { Problem } from './problems';
import { locateErrors } from './schema-errors';
import { validate } from './schemas';
import { MAX_YAML_BYTES, readYamlFile } from './yaml-file';

/** An exercise read from its folder, valid or not. */
export interface LoadedExercise {
  dir: string;
  file: string;
  data?: Exercise;
  problems: Problem[];
  source?: YamlSource;
}
/** A pack read from its folder with all its exercises. */
export interface LoadedPack {
  dir: string;
  file: string;
  data?: Pack;
  exercises: LoadedExercise[];
  problems: Problem[];
  source?: YamlSource;
}
/** The outcome of validating one YAML text: the data only when it has no error. */
export interface ValidatedText<T> {
  data?: T;
  problems: Problem[];
  source?: YamlSource;
}

/** File names that mark a pack and an exercise. */
export const PACK_FILE = 'pack.yaml';
export const EXERCISE_FILE = 'exercise.yaml';
/** Alias expansions allowed when turning YAML into data: a few for real packs, never a "billion laughs". */
export const MAX_YAML_ALIASES = 100;

/** Syntax errors worth showing: duplicate keys, then the first structural error only (the rest cascade from it). */
function firstSyntaxErrors(source: YamlSource): Array<{ pos: [number, number]; code: string; message: string }> {
  const out = [];
  for (const e of source.doc.errors) {
    out.push({ pos: e.code === 'MISSING_CHAR' ? openingQuote(source, e.pos) : e.pos, code: e.code, message: e.message });
    if (e.code !== 'DUPLICATE_KEY') break;
  }
  return out;
}

// yaml reports an unclosed quote where the file ends; the author needs the quote that opened it.
function openingQuote(source: YamlSource, pos: [number, number]): [number, number] {
  let found: [number, number] = pos;
  visit(source.doc, {
    Scalar: (_, node) => {
      const [start, end] = node.range ?? [0, 0];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start < pos[0] && end >= pos[0]) {
        found = [start, start + 1];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

// The parser turns its own stack overflow on very deep nesting into an error: say what to do instead.
function syntaxMessage(lang: Lang, code: string, message: string): string {
  return /Maximum call stack/.test(message) ? t(lang, 'pack.tooDeep') : t(lang, 'pack.yamlSyntax', yamlSyntaxText(code, message, lang));
}

function firstAlias(source: YamlSource): Node | undefined {
  let found: Node | undefined;
  visit(source.doc, {
    Alias: (_, node) => {
      found = node;
      return visit.BREAK;
    },
  });
  return found && isAlias(found) ? found : undefined;
}

/**
 * Data parsed from a YAML text before, keyed by the text itself (the CLI keeps them on disk, extension/src/cli/parse-cache.ts).
 * Only what parsed without error and survives JSON is kept; everything after the parse (schema, rules, paths) runs every time.
 */
export interface ParseCache {
  get(file: string, text: string): unknown;
  set(file: string, text: string, value: unknown): void;
}
let parseCache: ParseCache | undefined;

/** Lets `validateText` skip the YAML parse of a text it parsed before (the source is parsed again only to locate a problem). */
export function useParseCache(cache: ParseCache | undefined): void {
  parseCache = cache;
}

/** Parses and validates YAML text against a schema; returns the data only when it has no error. */
export function validateText<T>(kind: 'pack' | 'exercise', text: string, file: string, lang: Lang, paths: PathCheck = lexicalPaths): ValidatedText<T> {
  const at = (start: number, end: number, code: string, message: string, source = new YamlSource('')): Problem => ({
    file,
    range: source.range(start, end),
    severity: 'error',
    code,
    message,
  });
  if (text.length > MAX_YAML_BYTES) return { problems: [at(0, 0, 'file-too-large', t(lang, 'file.tooLarge', file, text.length, MAX_YAML_BYTES))] };
  const source = new YamlSource(text);
  const nul = text.indexOf('\0');
  if (nul !== -1) return { problems: [at(nul, nul + 1, 'nul-byte', t(lang, 'file.nul', Buffer.byteLength(text.slice(0, nul))), source)], source };
  let value: unknown = parseCache?.get(file, text);
  if (value === undefined) {
    if (source.doc.errors.length) {
      return { problems: firstSyntaxErrors(source).map((e) => at(e.pos[0], e.pos[1], 'yaml', syntaxMessage(lang, e.code, e.message), source)), source };
    }
    try {
      value = source.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      if (e instanceof RangeError) return { problems: [at(0, 0, 'yaml-depth', t(lang, 'pack.tooDeep'), source)], source };
      if (!(e instanceof ReferenceError)) throw e;
      const alias = firstAlias(source)?.range ?? [0, 0];
      return { problems: [at(alias[0], alias[1], 'yaml-aliases', t(lang, 'pack.aliasBomb', MAX_YAML_ALIASES), source)], source };
    }
    parseCache?.set(file, text, value);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [at(0, text.length, 'yaml', t(lang, 'pack.notYamlObject'), source)], source };
  }
  const problems: Problem[] = locateErrors(validate(`${kind}.schema.json`, value), source, lang, value).map((e) => ({ file, severity: 'error', ...e }));
  if (problems.length) return { problems, source };
  if (kind === 'exercise') {
    problems.push(...exerciseRules(value as Exercise, source, file, lang));
    problems.push(...exercisePathRules(value as Exercise, source, file, lang, paths));
  }
  return { data: problems.some((p) => p.severity === 'error') ? undefined : (value as T), problems, source };
}

/** Loads one exercise folder under the path policy and the file limits. */
export function loadExercise(dir: string, lang: Lang = 'fr'): LoadedExercise {
  const file = join(dir, EXERCISE_FILE);
  const read = readYamlFile(dir, EXERCISE_FILE, 'exercise', lang);
  if ('problem' in read) return { dir, file, problems: [read.problem] };
  return { dir, file, ...validateText<Exercise>('exercise', read.text, file, lang, pathsUnder(dir)) };
}

const START = { line: 1, col: 1, endLine: 1, endCol: 1 };

/** Whether a name exists in a folder, as anything (a dangling link, a folder where a file is expected…). */
export function entryExists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** Exercise folders listed in pack.yaml, each checked against the path policy and located at its entry. */
function listedExercises(dir: string, pack: LoadedPack, names: unknown[], lang: Lang): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    // A name listed twice is a schema error already; loading it twice would add a false duplicate id.
    if (typeof name !== 'string' || names.indexOf(name) !== i) return;
    // Located only for a problem: locating parses the source, which the parse cache otherwise spares.
    const add = (code: string, message: string): void => {
      pack.problems.push({ file: pack.file, range: pack.source?.locate(`/exercises/${i}`) ?? START, severity: 'error', code, message });
    };
    const r = resolveInside(dir, name, 'directory');
    if (!r.ok && r.violation === 'missing') add('missing-file', t(lang, 'pack.missingExerciseDir', name));
    else if (!r.ok) add(`path-${r.violation}`, pathMessage(lang, r.violation, name, 'pack', 'directory'));
    else if (!entryExists(join(r.abs, EXERCISE_FILE))) add('missing-file', t(lang, 'pack.missingFile', join(name, EXERCISE_FILE)));
    else out.push(resolve(dir, name));
  });
  return out;
}

/** Sub-folders holding an exercise.yaml; a linked folder that leads outside the pack is reported, never entered. */
function scannedExercises(dir: string, pack: LoadedPack, lang: Lang): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    const r = resolveInside(dir, name, 'directory');
    if (!r.ok)
      pack.problems.push({
        file: path,
        range: START,
        severity: 'error',
        code: `path-${r.violation}`,
        message: pathMessage(lang, r.violation, name, 'pack', 'directory'),
      });
    else if (entryExists(join(path, EXERCISE_FILE))) out.push(path);
  }
  return out;
}

/** The `exercises` list of pack.yaml, also when the file breaks only the schema (its exercises are still validated). */
function listedNames(v: ValidatedText<Pack>): unknown {
  if (v.data) return v.data.exercises;
  if (!v.source || v.source.doc.errors.length || v.problems.some((p) => p.code !== 'schema')) return undefined;
  return (v.source.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as { exercises?: unknown }).exercises;
}

/** pack.yaml and the exercise folders it names (or holds), with the pack's own problems. */
function packAndFolders(dir: string, lang: Lang): { pack: LoadedPack; dirs: string[] } {
  const file = join(dir, PACK_FILE);
  const read = readYamlFile(dir, PACK_FILE, 'pack', lang);
  const v: ValidatedText<Pack> = 'text' in read ? validateText<Pack>('pack', read.text, file, lang) : { problems: [read.problem] };
  const pack: LoadedPack = { dir, file, data: v.data, source: v.source, exercises: [], problems: [...v.problems] };
  const listed = listedNames(v);
  return { pack, dirs: Array.isArray(listed) ? listedExercises(dir, pack, listed, lang) : scannedExercises(dir, pack, lang) };
}

function duplicateOf(ex: LoadedExercise, lang: Lang): Problem {
  const range = ex.source?.locate('/id') ?? START;
  return { file: ex.file, range, severity: 'error', code: 'duplicate-exercise', message: t(lang, 'pack.duplicateExercise', ex.data!.id) };
}

/** Loads a pack folder and every exercise in it, pack.yaml and exercise folders under the path policy. */
export function loadPack(dir: string, lang: Lang = 'fr'): LoadedPack {
  const { pack, dirs } = packAndFolders(dir, lang);
  const ids = new Map<string, string>();
  for (const exDir of dirs) {
    const ex = loadExercise(exDir, lang);
    if (ex.data && ids.has(ex.data.id)) ex.problems.push(duplicateOf(ex, lang));
    if (ex.data) ids.set(ex.data.id, ex.dir);
    pack.exercises.push(ex);
  }
  return pack;
}

/**
 * Whether the valid exercise in `dir` might have the id `id`, without parsing it when that is certain not to be so.
 * A valid id is a slug ([a-z0-9-]), and YAML gives a scalar characters absent from its source only through escapes; so a
 * text holding neither the id nor a backslash cannot have it. Otherwise the parse cache's value answers, or a full load.
 */
function mayHaveId(dir: string, id: string, lang: Lang): boolean {
  const read = readYamlFile(dir, EXERCISE_FILE, 'exercise', lang);
  if (!('text' in read)) return false; // unreadable or refused: no data, so no id
  if (!read.text.includes(id) && !read.text.includes('\\')) return false;
  const parsed = parseCache?.get(join(dir, EXERCISE_FILE), read.text) as { id?: unknown } | undefined;
  return parsed === undefined || parsed.id === id;
}

/**
 * pack.yaml and ONE of its exercises, with every problem `validate` reports for them: the pack's own, and the
 * exercise's, including an id that an exercise before it in the pack already has (as `loadPack` reports it). The other
 * exercises are parsed only when they may share the id. `pack.exercises` holds that one exercise.
 */
export function loadPackExercise(dir: string, exerciseDir: string, lang: Lang = 'fr'): { pack: LoadedPack; exercise: LoadedExercise } {
  const { pack, dirs } = packAndFolders(dir, lang);
  const exercise = loadExercise(exerciseDir, lang);
  const index = dirs.indexOf(exerciseDir);
  if (index < 0) return { pack, exercise };
  const id = exercise.data?.id;
  if (id !== undefined && dirs.slice(0, index).some((d) => mayHaveId(d, id, lang) && loadExercise(d, lang).data?.id === id)) {
    exercise.problems.push(duplicateOf(exercise, lang));
  }
  pack.exercises.push(exercise);
  return { pack, exercise };
}

/** All problems of a loaded pack, pack file first. */
export function allProblems(pack: LoadedPack): Problem[] {
  return [...pack.problems, ...pack.exercises.flatMap((e) => e.problems)];
}
