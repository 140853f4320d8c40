import { defineEntries } from './define';

/** The editor's own words: tree, notifications, prompts, the Testing profile. Rendered with `Services.lang()`. */
export const ui = defineEntries({
  'ui.untrusted': {
    fr: 'Cet espace de travail n’est pas approuvé : TSSR Lab affiche ses packs mais n’exécute pas leurs vérifications. Approuvez-le pour les lancer.',
    en: 'This workspace is not trusted: TSSR Lab can show its packs but will not run their checks. Trust the workspace to run them.',
  },
  'ui.exerciseHasErrors': {
    fr: 'L’exercice {0} contient des erreurs : corrigez-les d’abord (panneau Problèmes).',
    en: 'The exercise {0} has errors: fix them in the Problems panel first.',
  },
  'ui.passphrasePrompt': { fr: 'Phrase de passe de la clé SSH {0}', en: 'Passphrase of the SSH key {0}' },
  'ui.trustHostKey': { fr: 'Faire confiance et enregistrer cette clé', en: 'Trust and record this key' },
  'ui.runProfile': { fr: 'Vérifier sur la cible', en: 'Check on the target' },
  'ui.copyInstall': { fr: 'Copier la commande d’installation', en: 'Copy the install command' },
  'ui.pickExercise': { fr: 'Exercice à vérifier', en: 'Exercise to check' },
  'ui.checking': { fr: 'Vérification de {0}…', en: 'Checking {0}…' },
  'ui.runSummary': {
    fr: '{0} : {1}/{2} points — {3} réussi(s), {4} échoué(s), {5} en erreur',
    en: '{0}: {1}/{2} points — {3} passed, {4} failed, {5} errors',
  },
  'ui.openScript': {
    fr: 'Ouvrez un script bash ou PowerShell pour en expliquer les remarques.',
    en: 'Open a bash or PowerShell script to explain its findings.',
  },
  'ui.status.notRun': { fr: 'non exécuté', en: 'not run' },
  'ui.status.running': { fr: 'en cours', en: 'running' },
  'ui.status.passed': { fr: 'réussi', en: 'passed' },
  'ui.status.failed': { fr: 'échoué', en: 'failed' },
  'ui.status.error': { fr: 'erreur', en: 'error' },
  'ui.invalidExercise': { fr: 'invalide : voir Problèmes', en: 'invalid: see Problems' },
  'ui.openStatement': { fr: 'Ouvrir l’énoncé', en: 'Open statement' },
});
