import { defineEntries } from '../define';

/** Reasons of the client-side `lint` check, one result per learner script. */
export const lintCheck = defineEntries({
  'lint.fileMissing': { fr: '{file} : fichier absent', en: '{file}: file missing' },
  'lint.findings': {
    fr: '{file} : {count} problème(s) de niveau {failOn} ou plus',
    en: '{file}: {count} finding(s) at {failOn} level or above',
  },
  'lint.findingsSilenced': {
    fr: '{file} : {count} problème(s) de niveau {failOn} ou plus (dont {silenced} masqué(s) par une directive)',
    en: '{file}: {count} finding(s) at {failOn} level or above ({silenced} silenced by a directive)',
  },
  'lint.clean': { fr: '{file} : aucun problème de niveau {failOn} ou plus', en: '{file}: no finding at {failOn} level or above' },
});
