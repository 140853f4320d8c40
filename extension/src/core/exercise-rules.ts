import type { Exercise } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import type { YamlSource } from './positions';
import type { Problem } from './problems';
import { referentiel } from './referentiel';
import { runControlRules } from './run-control-rules';

/** Checks beyond the schema: référentiel ids and unique critère ids (paths: see path-rules.ts). */
export function exerciseRules(ex: Exercise, source: YamlSource, file: string, lang: Lang): Problem[] {
  const out: Problem[] = [];
  const add = (pointer: string, code: string, message: string, severity: Problem['severity'] = 'error', key?: string): void => {
    out.push({ file, range: source.locate(pointer, key), severity, code, message });
  };
  ex.competences.forEach((id, i) => {
    if (!referentiel.competence(id)) add(`/competences/${i}`, 'unknown-competence', t(lang, 'pack.unknownCompetence', id));
  });
  const seen = new Set<string>();
  ex.criteria.forEach((c, i) => {
    if (seen.has(c.id)) add(`/criteria/${i}/id`, 'duplicate-criterion', t(lang, 'pack.duplicateCriterion', c.id));
    seen.add(c.id);
    const critere = referentiel.critere(c.referentiel);
    if (!critere) add(`/criteria/${i}/referentiel`, 'unknown-critere', t(lang, 'pack.unknownCritere', c.referentiel));
    else if (!ex.competences.includes(critere.competence)) {
      add(`/criteria/${i}/referentiel`, 'critere-outside', t(lang, 'pack.critereOutside', c.referentiel, critere.competence), 'warning');
    }
  });
  out.push(...runControlRules(ex, source, file, lang));
  return out;
}
