import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the ps-style lint rules, keyed by rule code. */
export const psStyleRules = defineEntries({
  'lint.P002.title': { fr: 'Alias de cmdlet', en: 'Cmdlet alias' },
  'lint.P002.explanation': {
    fr: 'Les alias (ls, %, ?, gci…) vont vite en console mais rendent un script illisible et dépendant de l’environnement (ls n’existe pas partout). Dans un script, écrivez le nom complet.',
    en: 'Aliases (ls, %, ?, gci…) are quick at the console but make a script unreadable and environment-dependent (ls is not everywhere). In a script, write the full name.',
  },
  'lint.P002.message': { fr: '« {0} » est un alias de {1}', en: '"{0}" is an alias of {1}' },
  'lint.P002.fix': { fr: 'Remplacer par {0}', en: 'Replace with {0}' },
  'lint.P005.title': { fr: 'Write-Host pour produire des données', en: 'Write-Host for data output' },
  'lint.P005.explanation': {
    fr: 'Write-Host écrit à l’écran, pas dans le pipeline : le résultat ne peut être ni redirigé, ni filtré, ni réutilisé. Renvoyez les données avec Write-Output (ou simplement la valeur) et les messages avec Write-Verbose/Write-Information.',
    en: 'Write-Host writes to the screen, not to the pipeline: the output cannot be redirected, filtered or reused. Return data with Write-Output (or just the value) and messages with Write-Verbose/Write-Information.',
  },
  'lint.P005.message': {
    fr: 'Write-Host ne renvoie rien dans le pipeline : utilisez Write-Output',
    en: 'Write-Host sends nothing down the pipeline: use Write-Output',
  },
  'lint.P005.fix': { fr: 'Remplacer par Write-Output', en: 'Replace with Write-Output' },
  'lint.P006.title': { fr: 'Verbe non approuvé', en: 'Unapproved verb' },
  'lint.P006.explanation': {
    fr: 'Les fonctions se nomment Verbe-Nom avec un verbe de « Get-Verb » (Get, Set, New, Remove…) : on devine ce qu’elles font et Import-Module ne râle pas.',
    en: 'Functions are named Verb-Noun with a verb from "Get-Verb" (Get, Set, New, Remove…): one can guess what they do, and Import-Module does not complain.',
  },
  'lint.P006.message': { fr: '« {0} » n’est pas un verbe approuvé (voir Get-Verb)', en: '"{0}" is not an approved verb (see Get-Verb)' },
  'lint.P010.title': { fr: 'Paramètres positionnels', en: 'Positional parameters' },
  'lint.P010.explanation': {
    fr: '« Copy-Item a b c » oblige le lecteur à connaître l’ordre des paramètres. Nommez-les (-Path, -Destination…) : le script se lit et résiste aux changements de version.',
    en: '"Copy-Item a b c" makes the reader know the parameter order. Name them (-Path, -Destination…): the script reads well and survives version changes.',
  },
  'lint.P010.message': { fr: '{0} reçoit {1} arguments positionnels : nommez les paramètres', en: '{0} gets {1} positional arguments: name the parameters' },
});
