import { defineEntries } from './define';

/** Reports: summary, statuses, validation counts. */
export const report = defineEntries({
  'report.summary': {
    fr: '{0}/{1} points — {2} réussi(s), {3} échoué(s), {4} en erreur, {5} non exécuté(s)',
    en: '{0}/{1} points — {2} passed, {3} failed, {4} errors, {5} not run',
  },
  'status.passed': {
    fr: 'RÉUSSI',
    en: 'PASSED',
  },
  'status.failed': {
    fr: 'ÉCHEC',
    en: 'FAILED',
  },
  'status.error': {
    fr: 'ERREUR',
    en: 'ERROR',
  },
  'status.notRun': {
    fr: 'NON EXÉCUTÉ',
    en: 'NOT RUN',
  },
  'status.running': {
    fr: 'EN COURS',
    en: 'RUNNING',
  },
  'validate.ok': {
    fr: '{0} : aucun problème',
    en: '{0}: no problems',
  },
  'validate.count': {
    fr: '{0} problème(s)',
    en: '{0} problem(s)',
  },
  'report.hintLine': { fr: 'Indice : {0}', en: 'Hint: {0}' },
});
