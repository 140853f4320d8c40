import { defineEntries } from './define';

/** Command-line usage errors (exit 2). */
export const usage = defineEntries({
  'usage.noSuchPath': {
    fr: 'Le chemin {0} n’existe pas : vérifiez-le (dossier d’un exercice ou d’un pack)',
    en: 'The path {0} does not exist: check it (an exercise or pack folder)',
  },
  'usage.unusablePath': {
    fr: 'Impossible d’utiliser {0} : vérifiez que ce chemin existe et qu’il est lisible',
    en: 'Cannot use {0}: check that this path exists and is readable',
  },
  'usage.unknownCriterion': {
    fr: 'Critère inconnu dans --only : {0}. Critères de cet exercice : {1}',
    en: "Unknown critère in --only: {0}. This exercise's critères: {1}",
  },
  'usage.solutionIsApply': {
    fr: 'La solution de cet exercice est un script qui configure la cible ({0}) : --solution vérifierait la machine telle qu’elle est, pas la solution. Prouvez-la sur un conteneur jetable avec « sudo tssr-lab pack test {1} --exercise {2} », ou appliquez-la sur une VM de test puis lancez check sans --solution.',
    en: 'This exercise\'s solution is a script that configures the target ({0}): --solution would check the machine as it is, not the solution. Prove it on a throw-away container with "sudo tssr-lab pack test {1} --exercise {2}", or apply it on a test VM and run check without --solution.',
  },
  'usage.target': {
    fr: 'Cible invalide « {0} » : utilisez local ou ssh://utilisateur@hôte[:port]',
    en: 'Invalid target "{0}": use local or ssh://user@host[:port]',
  },
});
