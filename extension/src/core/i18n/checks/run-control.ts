import { defineEntries } from '../define';

/** Reasons of run control (needs, retry), shared by every check type. */
export const runControl = defineEntries({
  'needs.checkNotPassed': {
    fr: 'la vérification préalable {check} n’est pas réussie : corrigez-la d’abord',
    en: 'prerequisite check {check} did not pass: fix it first',
  },
  'needs.criterionNotPassed': {
    fr: 'le critère préalable {criterion} n’est pas réussi : corrigez-le d’abord',
    en: 'prerequisite critère {criterion} did not pass: fix it first',
  },
  'needs.unknownCheck': {
    fr: 'needs nomme une vérification inconnue « {id} » : corrigez l’exercice (tssr-lab validate)',
    en: 'needs names an unknown check "{id}": fix the exercise (tssr-lab validate)',
  },
  'needs.unknownCriterion': {
    fr: 'needs nomme un critère absent « {id} » : corrigez l’exercice (tssr-lab validate)',
    en: 'needs names a missing critère "{id}": fix the exercise (tssr-lab validate)',
  },
  'needs.cycle': {
    fr: 'dépendances en boucle ({ids}) : corrigez l’exercice (tssr-lab validate)',
    en: 'dependencies in a loop ({ids}): fix the exercise (tssr-lab validate)',
  },
});
