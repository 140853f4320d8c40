import { PackError } from './errors';
import type { Exercise } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import { lexicalViolation, resolveInside, type PathKind, type PathResult, type PathViolation } from './paths';
import type { YamlSource } from './positions';
import type { Problem } from './problems';
import { checksOf } from './criteria';

/** The folder a path must stay in. */
export type PathRoot = 'exercise' | 'pack' | 'workspace';

/** Resolves a pack-relative path; injected so the editor and tests can check paths their own way. */
export type PathCheck = (rel: string, kind: PathKind, mustExist: boolean) => PathResult;

/** The path policy under one folder. */
export function pathsUnder(dir: string): PathCheck {
  return (rel, kind, mustExist) => resolveInside(dir, rel, kind, mustExist);
}

/** The path policy without a folder (text being edited, nothing on disk yet): the lexical rules only. */
export const lexicalPaths: PathCheck = (rel) => {
  const violation = lexicalViolation(rel);
  return violation ? { ok: false, violation } : { ok: true, abs: rel };
};

/** Shows a path with its control characters escaped, so a message cannot carry them to a terminal. */
export function shownPath(rel: string): string {
  return rel.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\0' ? '\\0' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** The sentence for a refused path, saying what to do. */
export function pathMessage(lang: Lang, violation: PathViolation, rel: string, root: PathRoot, kind: PathKind): string {
  const shown = shownPath(rel);
  const where = t(lang, `path.root.${root}`);
  switch (violation) {
    case 'missing':
      return kind === 'directory' ? t(lang, 'path.missingDir', shown) : t(lang, 'pack.missingFile', shown);
    case 'outside':
      return t(lang, 'path.outside', shown, where);
    case 'absolute':
      return t(lang, 'path.absolute', shown, where);
    case 'nul':
      return t(lang, 'path.nul', shown);
    case 'empty':
      return t(lang, 'path.empty', shown, where);
    case 'directory':
      return t(lang, 'path.directory', shown);
    case 'notFile':
      return t(lang, 'path.notFile', shown);
    case 'notDirectory':
      return t(lang, 'path.notDirectory', shown);
  }
}

/** Resolves a path under its root at run time, or throws a PackError: the defence behind validation. */
export function requireInside(root: string, rel: string, kind: PathKind, rootKind: PathRoot, lang: Lang, mustExist = true): string {
  const r = resolveInside(root, rel, kind, mustExist);
  if (r.ok) return r.abs;
  throw new PackError(`PATH_${r.violation.toUpperCase()}`, pathMessage(lang, r.violation, rel, rootKind, kind));
}

/** Every path an exercise names, with its JSON pointer, its kind and whether it must exist when validating. */
function namedPaths(ex: Exercise): Array<[string, string | undefined, PathKind, boolean]> {
  const lint = ex.criteria.flatMap((c, i) =>
    checksOf(c).flatMap((check, j) =>
      check.type === 'lint' ? check.files.map((f, k): [string, string, PathKind, boolean] => [`/criteria/${i}/checks/${j}/files/${k}`, f, 'file', false]) : [],
    ),
  );
  return [
    ['/statement', ex.statement ?? 'enonce.md', 'file', true],
    ['/solution/files', ex.solution?.files, 'directory', true],
    ['/solution/apply', ex.solution?.apply, 'file', true],
    ['/setup', ex.setup, 'file', true],
    ['/cleanup', ex.cleanup, 'file', true],
    ...(ex.workspaceFiles ?? []).map((f, i): [string, string, PathKind, boolean] => [`/workspaceFiles/${i}`, f, 'file', true]),
    ...(ex.starter ?? []).map((f, i): [string, string, PathKind, boolean] => [`/starter/${i}`, f, 'file', true]),
    ...lint,
  ];
}

/** The path policy on an exercise: each named path stays in the exercise folder and has the expected kind. */
export function exercisePathRules(ex: Exercise, source: YamlSource, file: string, lang: Lang, check: PathCheck): Problem[] {
  const out: Problem[] = [];
  for (const [pointer, rel, kind, mustExist] of namedPaths(ex)) {
    if (rel === undefined) continue;
    const r = check(rel, kind, mustExist);
    if (r.ok) continue;
    const code = r.violation === 'missing' ? 'missing-file' : `path-${r.violation}`;
    out.push({ file, range: source.locate(pointer), severity: 'error', code, message: pathMessage(lang, r.violation, rel, 'exercise', kind) });
  }
  return out;
}
