import { defineEntries } from './define';

/** The editor's words around a run: notifications, errors and their buttons, the Testing view, remote documents. */
export const runUiTexts = defineEntries({
  'runUi.checking': { fr: 'Vérification de « {0} » sur {1}…', en: 'Checking "{0}" on {1}…' },
  'runUi.summary': {
    fr: '« {0} » : {1}/{2} points — {3} réussi(s), {4} échoué(s), {5} en erreur',
    en: '"{0}": {1}/{2} points — {3} passed, {4} failed, {5} errors',
  },
  'runUi.interrupted': {
    fr: '« {0} » : vérification interrompue ({1}/{2} points). {3}',
    en: '"{0}": check interrupted ({1}/{2} points). {3}',
  },
  'runUi.notRunBecause': { fr: 'Non exécuté : {0}', en: 'Not run: {0}' },
  'runUi.chooseTarget': { fr: 'Choisir la cible', en: 'Choose the target' },
  'runUi.openSettings': { fr: 'Ouvrir les paramètres', en: 'Open settings' },
  'runUi.showLog': { fr: 'Voir le journal', en: 'Show the log' },
  'runUi.unexpected': {
    fr: 'TSSR Lab a rencontré une erreur inattendue : {0}. Le journal donne le détail.',
    en: 'TSSR Lab met an unexpected error: {0}. The log has the details.',
  },
  'runUi.ran': { fr: 'Commande lancée : {0}', en: 'Command run: {0}' },
  'runUi.observed': { fr: 'Observé :', en: 'Observed:' },
  'runUi.expectedSide': { fr: 'attendu', en: 'expected' },
  'runUi.remoteTitle': { fr: '{0} (sur {1}, lecture seule)', en: '{0} (on {1}, read-only)' },
  'runUi.remoteUnreadable': {
    fr: '# TSSR Lab ne peut pas lire {0} sur {1} : {2}',
    en: '# TSSR Lab cannot read {0} on {1}: {2}',
  },
  'runUi.remoteTooLarge': {
    fr: '# {0} dépasse {1} Kio : seul le début est affiché.',
    en: '# {0} is larger than {1} KiB: only its start is shown.',
  },
  'runUi.remoteNotFile': {
    fr: '{0} n’est pas un fichier ordinaire sur la cible (dossier ou absent).',
    en: '{0} is not a regular file on the target (a folder, or absent).',
  },
  'runUi.trainerChecks': { fr: 'Vérifications (mode formateur) :', en: 'Checks (trainer mode):' },
});
