import { readFileSync } from 'node:fs';
import type { Exercise } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import { requireInside } from './path-rules';
import { summariseScript } from './script-summary';

/** An exercise's setup script, read under the path policy, ready to show and to run. */
export interface SetupScript {
  file: string;
  script: string;
}

/** Reads the exercise's `setup` script, or undefined when it has none; a path outside the exercise is a PackError. */
export function readSetup(exerciseDir: string, exercise: Pick<Exercise, 'setup'>, lang: Lang): SetupScript | undefined {
  if (!exercise.setup) return undefined;
  const file = requireInside(exerciseDir, exercise.setup, 'file', 'exercise', lang);
  return { file, script: readFileSync(file, 'utf8') };
}

/** What the setup will change, line by line: its path, its comments, the paths and services it names, and a warning. Shared by `tssr-lab start` and the editor's « Préparer la VM ». */
export function setupPlanLines(id: string, target: string, shown: string, script: string, lang: Lang): string[] {
  const s = summariseScript(script);
  const lines = [t(lang, 'start.plan', id, target, shown, s.commandLines)];
  if (s.comments.length) lines.push(t(lang, 'start.comments'), ...s.comments.map((c) => `  # ${c}`));
  if (s.paths.length) lines.push(t(lang, 'start.paths', s.paths.join(', ')));
  if (s.services.length) lines.push(t(lang, 'start.services', s.services.join(', ')));
  lines.push(t(lang, 'start.warning'));
  return lines;
}
