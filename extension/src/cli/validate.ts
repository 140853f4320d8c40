import { t, type Lang } from '../core/i18n';
import { hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';

/** Validates a pack or an exercise folder (or its YAML file); prints `file:line:col: message` per problem. */
export function validatePath(path: string, lang: Lang, out: (s: string) => void): number {
  const { problems } = loadTarget(path, lang);
  problems.forEach((p) => out(formatProblem(p)));
  out(problems.length ? t(lang, 'validate.count', problems.length) : t(lang, 'validate.ok', path));
  return hasErrors(problems) ? 1 : 0;
}
