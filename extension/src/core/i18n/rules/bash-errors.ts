import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the bash-errors lint rules, keyed by rule code. */
export const bashErrorsRules = defineEntries({
  'lint.B006.title': { fr: 'Pas de gestion des erreurs (set -euo pipefail)', en: 'No error handling (set -euo pipefail)' },
  'lint.B006.explanation': {
    fr: 'Par défaut, bash continue après une commande en échec. « set -euo pipefail » arrête le script à la première erreur, sur une variable non définie et sur l’échec d’un maillon de tube. À défaut, testez chaque commande (« || exit 1 ») ou posez un « trap … ERR ».',
    en: 'By default bash goes on after a failed command. "set -euo pipefail" stops the script at the first error, on an unset variable and when a pipe stage fails. Otherwise check each command ("|| exit 1") or set a "trap … ERR".',
  },
  'lint.B006.message': {
    fr: 'Le script ne s’arrête pas sur une erreur : ajoutez « set -euo pipefail »',
    en: 'The script does not stop on errors: add "set -euo pipefail"',
  },
  'lint.B006.fix': { fr: 'Ajouter « set -euo pipefail »', en: 'Add "set -euo pipefail"' },
  'lint.B007.title': { fr: 'cd sans contrôle d’échec', en: 'cd without a failure check' },
  'lint.B007.explanation': {
    fr: 'Si « cd /dossier » échoue, la suite du script s’exécute dans le mauvais dossier — un « rm » y ferait des dégâts. Écrivez « cd /dossier || exit 1 ».',
    en: 'If "cd /dir" fails, the rest of the script runs in the wrong folder — an "rm" there does damage. Write "cd /dir || exit 1".',
  },
  'lint.B007.message': { fr: '« {0} » peut échouer sans arrêter le script', en: '"{0}" may fail without stopping the script' },
  'lint.B007.fix': { fr: 'Ajouter « || exit 1 »', en: 'Add "|| exit 1"' },
  'lint.B010.title': { fr: 'Erreur signalée mais code de sortie 0', en: 'Error reported but exit code 0' },
  'lint.B010.explanation': {
    fr: 'Le script écrit des erreurs sur stderr mais ne sort jamais avec un code non nul : cron, un autre script ou l’évaluateur croient qu’il a réussi. Terminez chaque chemin d’erreur par « exit 1 » (ou un code documenté).',
    en: 'The script writes errors on stderr but never exits with a non-zero code: cron, another script or the evaluator believe it succeeded. End each error path with "exit 1" (or a documented code).',
  },
  'lint.B010.message': {
    fr: 'Message d’erreur sur stderr, mais aucun « exit » non nul dans le script',
    en: 'Error message on stderr, but no non-zero "exit" in the script',
  },
});
