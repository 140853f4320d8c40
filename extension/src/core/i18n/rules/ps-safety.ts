import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the ps-safety lint rules, keyed by rule code. */
export const psSafetyRules = defineEntries({
  'lint.P003.title': { fr: 'Paramètre de mot de passe en texte clair', en: 'Plain-text password parameter' },
  'lint.P003.explanation': {
    fr: 'Un paramètre $Password de type [string] garde le mot de passe en clair en mémoire et dans l’historique. Typez-le [SecureString] ou, mieux, [PSCredential] (Get-Credential).',
    en: 'A [string] $Password parameter keeps the password in clear in memory and in history. Type it [SecureString] or, better, [PSCredential] (Get-Credential).',
  },
  'lint.P003.message': {
    fr: '{0} est un mot de passe en texte clair : utilisez [SecureString] ou [PSCredential]',
    en: '{0} is a plain-text password: use [SecureString] or [PSCredential]',
  },
  'lint.P004.title': { fr: 'ConvertTo-SecureString -AsPlainText', en: 'ConvertTo-SecureString -AsPlainText' },
  'lint.P004.explanation': {
    fr: '« ConvertTo-SecureString "secret" -AsPlainText -Force » laisse le secret en clair dans le script. Demandez-le (Read-Host -AsSecureString, Get-Credential) ou lisez-le d’un coffre (SecretManagement).',
    en: '"ConvertTo-SecureString "secret" -AsPlainText -Force" leaves the secret in clear in the script. Ask for it (Read-Host -AsSecureString, Get-Credential) or read it from a vault (SecretManagement).',
  },
  'lint.P004.message': { fr: 'Secret converti depuis du texte clair', en: 'Secret converted from plain text' },
  'lint.P007.title': { fr: 'Bloc catch vide', en: 'Empty catch block' },
  'lint.P007.explanation': {
    fr: 'Un catch vide avale l’erreur : le script continue comme si tout allait bien et personne ne sait pourquoi le résultat est faux. Journalisez (Write-Error, Write-Warning) ou relancez (throw).',
    en: 'An empty catch swallows the error: the script goes on as if all were well and nobody knows why the result is wrong. Log it (Write-Error, Write-Warning) or rethrow (throw).',
  },
  'lint.P007.message': { fr: 'Ce catch ignore l’erreur sans la signaler', en: 'This catch ignores the error without reporting it' },
  'lint.P007.fix': { fr: 'Signaler l’erreur (Write-Error $_)', en: 'Report the error (Write-Error $_)' },
  'lint.P008.title': { fr: 'Invoke-Expression', en: 'Invoke-Expression' },
  'lint.P008.explanation': {
    fr: 'Invoke-Expression exécute une chaîne comme du code : une entrée mal filtrée devient une injection de commandes. Appelez la commande directement, avec ses paramètres (splatting @params).',
    en: 'Invoke-Expression runs a string as code: badly filtered input becomes command injection. Call the command directly with its parameters (splatting @params).',
  },
  'lint.P008.message': { fr: 'Invoke-Expression exécute du texte comme du code', en: 'Invoke-Expression runs text as code' },
  'lint.P009.title': { fr: 'Nom d’ordinateur écrit en dur', en: 'Hard-coded computer name' },
  'lint.P009.explanation': {
    fr: 'Un -ComputerName "SRV01" écrit en dur rend le script inutilisable ailleurs. Passez le nom en paramètre ($ComputerName), avec une valeur par défaut si besoin.',
    en: 'A hard-coded -ComputerName "SRV01" makes the script useless elsewhere. Pass the name as a parameter ($ComputerName), with a default if needed.',
  },
  'lint.P009.message': { fr: 'Nom d’ordinateur « {0} » écrit en dur', en: 'Hard-coded computer name "{0}"' },
  'lint.P011.title': { fr: 'Variable globale', en: 'Global variable' },
  'lint.P011.explanation': {
    fr: '$global: modifie la session de l’appelant et crée des effets de bord entre scripts. Passez les valeurs en paramètres et renvoyez les résultats.',
    en: "$global: changes the caller's session and creates side effects between scripts. Pass values as parameters and return results.",
  },
  'lint.P011.message': { fr: '{0} est une variable globale', en: '{0} is a global variable' },
  'lint.P012.title': { fr: '$null à droite d’une comparaison', en: '$null on the right of a comparison' },
  'lint.P012.explanation': {
    fr: 'Si $x est un tableau, « $x -eq $null » filtre le tableau au lieu de tester $x. Écrivez « $null -eq $x ».',
    en: 'If $x is an array, "$x -eq $null" filters the array instead of testing $x. Write "$null -eq $x".',
  },
  'lint.P012.message': { fr: '$null doit être à gauche de la comparaison', en: '$null belongs on the left of the comparison' },
  'lint.P012.fix': { fr: 'Mettre $null à gauche', en: 'Put $null on the left' },
});
