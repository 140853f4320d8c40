import { defineEntries } from '../define';

/** Reasons every check type shares: verdicts, skips, matcher errors. */
export const common = defineEntries({
  pass: { fr: '{property} : conforme', en: '{property}: as expected' },
  mismatch: { fr: '{property} : attendu {expected}, trouvé {actual}', en: '{property}: expected {expected}, found {actual}' },
  skipped: { fr: 'Non évalué : {why}', en: 'Not evaluated: {why}' },
  badMatcher: {
    fr: 'comparateur {matcher} non reconnu : voyez docs/checks.md pour la liste des comparateurs',
    en: 'unknown matcher {matcher}: see docs/checks.md for the list of matchers',
  },
  regexInvalid: {
    fr: 'expression régulière « {pattern} » invalide ({detail}) : corrigez sa syntaxe',
    en: 'invalid regular expression "{pattern}" ({detail}): fix its syntax',
  },
  regexTimeout: {
    fr: 'l’expression régulière « {pattern} » n’a pas fini dans le délai de {timeoutMs} ms (retour arrière catastrophique ?) : évitez les quantificateurs imbriqués comme (a+)+',
    en: 'regular expression "{pattern}" did not finish within {timeoutMs} ms (catastrophic backtracking?): avoid nested quantifiers such as (a+)+',
  },
  regexCrashed: { fr: 'l’expression régulière « {pattern} » a échoué : {detail}', en: 'regular expression "{pattern}" failed: {detail}' },
  mismatchTruncated: {
    fr: '{property} : attendu {expected}, trouvé {actual} (sortie tronquée à {limit} octets)',
    en: '{property}: expected {expected}, found {actual} (output truncated at {limit} bytes)',
  },
  truncatedUnknown: {
    fr: 'texte tronqué à {limit} octets : l’absence ne peut pas être prouvée ; vérifiez une sortie ou un fichier plus court',
    en: 'text truncated at {limit} bytes: an absence cannot be proven; check a shorter output or file',
  },
  readFailed: { fr: 'lecture de {path} impossible : {error}', en: 'cannot read {path}: {error}' },
});
