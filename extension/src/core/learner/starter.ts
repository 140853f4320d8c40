import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exercise } from '../../../../schemas/generated/types';
import type { Lang } from '../i18n';
import { resolveInside } from '../paths';
import { requireInside } from '../path-rules';

/** One starter file to give the learner: where it comes from, where it goes, and what is there already. */
export interface StarterCopy {
  /** Path relative to the exercise folder and to the learner's folder alike. */
  rel: string;
  from: string;
  to: string;
  /** `new`: nothing there yet; `same`: already the starting version; `changed`: the learner's own version, kept unless they agree. */
  state: 'new' | 'same' | 'changed';
}

/**
 * The learner's folder for an exercise: `<workspace folder>/<exercise id>`. When the pack itself is the workspace folder,
 * that is the exercise folder, and the starter files are already in place.
 */
export function learnerDir(workspaceRoot: string, exercise: Pick<Exercise, 'id'>): string {
  return join(workspaceRoot, exercise.id);
}

/**
 * Plans copying the exercise's `starter` files into the learner's folder, keeping their relative paths. Sources go
 * through the path policy (a PackError otherwise); a destination that would leave the learner's folder is refused too.
 */
export function planStarterCopy(exerciseDir: string, exercise: Pick<Exercise, 'starter'>, destDir: string, lang: Lang): StarterCopy[] {
  return (exercise.starter ?? []).map((rel) => {
    const from = requireInside(exerciseDir, rel, 'file', 'exercise', lang);
    mkdirSync(destDir, { recursive: true });
    const to = requireInside(destDir, rel, 'file', 'workspace', lang, false);
    const there = resolveInside(destDir, rel, 'file', true);
    if (!there.ok) return { rel, from, to, state: 'new' };
    return { rel, from, to, state: readFileSync(from).equals(readFileSync(to)) ? 'same' : 'changed' };
  });
}

/** Copies the planned files: new ones always, changed ones only when `overwrite` says so. Returns what was written. */
export function applyStarterCopy(plan: StarterCopy[], overwrite: boolean): StarterCopy[] {
  const written = plan.filter((p) => p.state === 'new' || (p.state === 'changed' && overwrite));
  for (const p of written) {
    mkdirSync(dirname(p.to), { recursive: true });
    copyFileSync(p.from, p.to);
  }
  return written;
}

/**
 * Whether the learner's folder holds the files a run reads (the exercise's `workspaceFiles`), so checks read the
 * learner's copy rather than the pack's: false when some are missing, or when the exercise names none.
 */
export function learnerDirReady(dir: string, exercise: Pick<Exercise, 'workspaceFiles'>): boolean {
  const files = exercise.workspaceFiles ?? [];
  return files.length > 0 && files.every((rel) => resolveInside(dir, rel, 'file', true).ok);
}
