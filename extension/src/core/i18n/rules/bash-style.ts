import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the bash-style lint rules, keyed by rule code. */
export const bashStyleRules = defineEntries({
  'lint.B008.title': { fr: 'Mot de passe ou secret écrit en dur', en: 'Hard-coded password or secret' },
  'lint.B008.explanation': {
    fr: 'Un secret écrit dans le script se retrouve dans les sauvegardes, les dépôts Git et les écrans partagés. Lisez-le depuis un fichier protégé (chmod 600), une variable d’environnement ou « read -rs ».',
    en: 'A secret written in the script ends up in backups, Git repositories and shared screens. Read it from a protected file (chmod 600), an environment variable or "read -rs".',
  },
  'lint.B008.message': { fr: '{0} contient un secret écrit en dur', en: '{0} holds a hard-coded secret' },
  'lint.B008.message2': { fr: 'Mot de passe en clair passé à {0}', en: 'Clear-text password passed to {0}' },
  'lint.B008.message3': {
    fr: 'Mot de passe en clair passé à sshpass (utilisez -f fichier ou -e)',
    en: 'Clear-text password passed to sshpass (use -f file or -e)',
  },
  'lint.B008.message4': { fr: 'Identifiants en clair passés à {0}', en: 'Clear-text credentials passed to {0}' },
  'lint.B009.title': { fr: 'Backticks au lieu de $( )', en: 'Backticks instead of $( )' },
  'lint.B009.explanation': {
    fr: 'La forme `commande` est ancienne : elle s’imbrique mal et se lit mal. « $(commande) » fait la même chose, s’imbrique et se lit sans ambiguïté.',
    en: 'The `command` form is legacy: it nests badly and reads badly. "$(command)" does the same, nests and reads unambiguously.',
  },
  'lint.B009.message': { fr: 'Utilisez $( ) plutôt que des backticks', en: 'Use $( ) rather than backticks' },
  'lint.B009.fix': { fr: 'Remplacer par $( )', en: 'Replace with $( )' },
  'lint.B012.title': { fr: 'read sans -r', en: 'read without -r' },
  'lint.B012.explanation': {
    fr: 'Sans -r, read interprète les antislashs : « C:\\temp » devient « C:temp ». Écrivez « read -r ».',
    en: 'Without -r, read interprets backslashes: "C:\\temp" becomes "C:temp". Write "read -r".',
  },
  'lint.B012.message': { fr: 'read sans -r déforme les antislashs', en: 'read without -r mangles backslashes' },
  'lint.B012.fix': { fr: 'Ajouter -r', en: 'Add -r' },
  'lint.B013.title': { fr: 'cat inutile dans un tube', en: 'Useless cat in a pipe' },
  'lint.B013.explanation': {
    fr: '« cat fichier | grep motif » lance un processus de trop : « grep motif fichier » ou « grep motif < fichier » fait la même chose.',
    en: '"cat file | grep pattern" starts one process too many: "grep pattern file" or "grep pattern < file" does the same.',
  },
  'lint.B013.message': { fr: 'cat inutile : donnez {0} directement à {1}', en: 'useless cat: give {0} to {1} directly' },
  'lint.B013.fix': { fr: 'Remplacer par une redirection <', en: 'Replace with a < redirection' },
});
