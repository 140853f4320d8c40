import { readFileSync } from 'node:fs';
import { YamlSource, type Range } from './positions';

/** Range of a critère's `id` value in its exercise.yaml, for diagnostics and test locations. */
export function criterionRange(exerciseFile: string, index: number): Range {
  try {
    return new YamlSource(readFileSync(exerciseFile, 'utf8')).locate(`/criteria/${index}/id`);
  } catch {
    return { line: 1, col: 1, endLine: 1, endCol: 1 };
  }
}
