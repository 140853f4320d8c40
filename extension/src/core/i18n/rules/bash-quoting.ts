import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the bash-quoting lint rules, keyed by rule code. */
export const bashQuotingRules = defineEntries({
  'lint.B004.title': { fr: 'Variable non protégée par des guillemets', en: 'Unquoted variable' },
  'lint.B004.explanation': {
    fr: 'Sans guillemets, « $fichier » est découpé aux espaces et ses * sont développés : un nom comme « Mes documents » devient deux arguments. Écrivez « "$fichier" ».',
    en: 'Unquoted, "$file" is split on spaces and its * are expanded: a name like "My documents" becomes two arguments. Write "\\"$file\\"".',
  },
  'lint.B004.message': { fr: '{0} n’est pas entre guillemets : découpage et globbing possibles', en: '{0} is unquoted: it may be split and globbed' },
  'lint.B005.title': { fr: 'rm -r sur un chemin variable non garanti', en: 'rm -r on an unguarded variable path' },
  'lint.B005.explanation': {
    fr: 'Si la variable est vide, « rm -rf "$dossier"/* » devient « rm -rf /* ». Utilisez « ${dossier:?} », qui arrête le script quand la variable est vide ou non définie.',
    en: 'If the variable is empty, "rm -rf "$dir"/*" becomes "rm -rf /*". Use "${dir:?}", which stops the script when the variable is empty or unset.',
  },
  'lint.B005.message': {
    fr: 'rm récursif sur {0} : si la variable est vide, tout peut être effacé',
    en: 'recursive rm on {0}: if the variable is empty, everything may be deleted',
  },
  'lint.B005.fix': { fr: 'Remplacer par ${{0}:?}', en: 'Replace with ${{0}:?}' },
  'lint.B011.title': { fr: 'Opérande non protégé dans [ ]', en: 'Unquoted operand in [ ]' },
  'lint.B011.explanation': {
    fr: 'Dans « [ $a = b ] », une variable vide ou avec espaces casse le test (« [: too many arguments »). Mettez l’opérande entre guillemets, ou utilisez [[ ]] de bash, qui ne découpe pas.',
    en: 'In "[ $a = b ]", an empty variable or one with spaces breaks the test ("[: too many arguments"). Quote the operand, or use bash\'s [[ ]], which does not split.',
  },
  'lint.B011.message': { fr: '{0} non protégé dans [ ] : utilisez "{0}" ou [[ ]]', en: '{0} unquoted in [ ]: use "{0}" or [[ ]]' },
  'lint.quoteFix': { fr: 'Mettre {0} entre guillemets', en: 'Quote {0}' },
});
