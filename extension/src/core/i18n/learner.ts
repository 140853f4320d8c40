import { defineEntries } from './define';
import { learnerProps } from './learner-props';

/**
 * What a learner reads about a failed property: the thing checked (subject), what it does or holds, and what was
 * wanted. `{0}` is the subject, `{1}` the value found; a wanted clause (« au lieu de 0 ») may follow.
 */
const sentences = defineEntries({
  // The thing a check is about, at the start of a sentence.
  'learner.subject.file': { fr: 'Le fichier {0}', en: 'File {0}' },
  'learner.subject.user': { fr: 'L’utilisateur {0}', en: 'User {0}' },
  'learner.subject.group': { fr: 'Le groupe {0}', en: 'Group {0}' },
  'learner.subject.package': { fr: 'Le paquet {0}', en: 'Package {0}' },
  'learner.subject.service': { fr: 'Le service {0}', en: 'Service {0}' },
  'learner.subject.process': { fr: 'Le processus {0}', en: 'Process {0}' },
  'learner.subject.port': { fr: 'Le port {0}', en: 'Port {0}' },
  'learner.subject.kernelParam': { fr: 'Le paramètre du noyau {0}', en: 'Kernel parameter {0}' },
  'learner.subject.http': { fr: 'La page {0}', en: 'Page {0}' },
  'learner.subject.interface': { fr: 'L’interface {0}', en: 'Interface {0}' },
  'learner.subject.addr': { fr: 'L’adresse {0}', en: 'Address {0}' },
  'learner.subject.route': { fr: 'La route vers {0}', en: 'The route to {0}' },
  'learner.subject.dns': { fr: 'Le nom {0}', en: 'Name {0}' },
  'learner.subject.mount': { fr: 'Le point de montage {0}', en: 'Mount point {0}' },
  'learner.subject.backup': { fr: 'L’archive {0}', en: 'Archive {0}' },
  'learner.subject.lint': { fr: 'Le script {0}', en: 'Script {0}' },
  'learner.subject.firewall': { fr: 'Le pare-feu', en: 'The firewall' },
  'learner.subject.snmp': { fr: 'L’objet SNMP {0}', en: 'SNMP object {0}' },
  'learner.subject.ldap': { fr: 'La recherche dans l’annuaire sous {0}', en: 'The directory search under {0}' },
  'learner.subject.sql': { fr: 'La requête SQL', en: 'The SQL query' },
  'learner.subject.tlsCert': { fr: 'Le certificat de {0}', en: 'The certificate of {0}' },
  'learner.subject.configKey': { fr: 'Le réglage {0}', en: 'Setting {0}' },
  'learner.subject.configKeyIn': { fr: 'Le réglage {0} de {1}', en: 'Setting {0} in {1}' },
  'learner.subject.configTest': { fr: 'La configuration de {0}', en: 'The {0} configuration' },
  'learner.subject.cron': { fr: 'La tâche planifiée {0}', en: 'Scheduled task {0}' },
  'learner.subject.log': { fr: 'Le journal {0}', en: 'Log {0}' },
  'learner.subject.logAny': { fr: 'Le journal', en: 'The log' },
  'learner.subject.check': { fr: 'La vérification', en: 'The check' },
  'learner.subject.scenario': { fr: '{0} (scénario de test)', en: '{0} (test scenario)' },
  // Text outputs and contents, the subject of « ne contient pas … ».
  'learner.text.stdout': { fr: 'La sortie de {0}', en: 'The output of {0}' },
  'learner.text.stderr': { fr: 'La sortie d’erreur de {0}', en: 'The error output of {0}' },
  'learner.text.body': { fr: 'La réponse de {0}', en: 'The response from {0}' },
  'learner.text.headers': { fr: 'L’en-tête de la réponse de {0}', en: 'The response header of {0}' },
  'learner.text.created': { fr: 'Le fichier {0} créé par le script', en: 'File {0} created by the script' },
  'learner.text.notContains': { fr: '{0} ne contient pas {1}', en: '{0} does not contain {1}' },
  'learner.text.noLine': { fr: '{0} ne contient pas la ligne {1}', en: '{0} has no line {1}' },
  'learner.text.noMatch': {
    fr: '{0} ne contient pas de ligne qui correspond à ce qui est attendu',
    en: '{0} has no line that matches what is expected',
  },
  'learner.text.unwantedContains': { fr: '{0} contient {1}, qui ne devrait pas y être', en: '{0} contains {1}, which should not be there' },
  'learner.text.unwantedMatch': { fr: '{0} contient une ligne qui ne devrait pas y être', en: '{0} has a line that should not be there' },
  'learner.text.notEqual': { fr: '{0} n’est pas exactement le texte attendu', en: '{0} is not exactly the expected text' },
  'learner.text.other': { fr: '{0} ne correspond pas à ce qui est attendu', en: '{0} is not as expected' },
  // What was wanted, after the value found.
  'learner.insteadOf': { fr: ' au lieu de {0}', en: ' instead of {0}' },
  'learner.wanted': { fr: ' (attendu : {0})', en: ' (expected: {0})' },
  'learner.notTheWanted': { fr: ', ce qui n’est pas la valeur attendue', en: ', which is not the expected value' },
  'learner.unwanted': { fr: ', ce qui n’est pas attendu', en: ', which is not expected' },
  'learner.truncated': { fr: ' (sortie tronquée à {0} octets)', en: ' (output cut at {0} bytes)' },
  // Reasons whose catalogue sentence speaks to the trainer about the pack's attributes: the learner's version.
  'learner.reason.http.untrustedCert': {
    fr: 'Pas de réponse HTTP de {url} : son certificat n’est pas reconnu ({error})',
    en: 'No HTTP response from {url}: its certificate is not trusted ({error})',
  },
  'learner.reason.http.caFileUnreadable': {
    fr: 'Le certificat d’autorité {path} n’a pas pu être lu ({error})',
    en: 'The authority certificate {path} could not be read ({error})',
  },
  'learner.reason.script.missing': { fr: 'Le script {script} n’existe pas : créez-le', en: 'Script {script} does not exist: create it' },
  'learner.reason.script.unknownUser': {
    fr: 'L’utilisateur {user} n’existe pas sur la cible : créez-le',
    en: 'User {user} does not exist on the target: create it',
  },
  'learner.reason.runAs.noUser': { fr: 'L’utilisateur {user} n’existe pas sur la cible : créez-le', en: 'User {user} does not exist on the target: create it' },
  // Sentences that do not depend on the property.
  'learner.generic': { fr: '{0} : {1} ne correspond pas à ce qui est attendu', en: '{0}: {1} is not as expected' },
  'learner.genericValue': { fr: '{0} : {2} vaut {1}', en: '{0}: {2} is {1}' },
  'learner.pass': { fr: '{0} : conforme', en: '{0}: as expected' },
  'learner.skipped': { fr: 'Non vérifié : {0}', en: 'Not checked: {0}' },
  'learner.packBug': {
    fr: 'Cette vérification est mal écrite dans l’exercice : signalez-le à votre formateur',
    en: 'This check is badly written in the exercise: tell your trainer',
  },
  'learner.unknownReason': { fr: '{0} : la vérification n’a pas pu conclure', en: '{0}: the check could not conclude' },
  'learner.theWanted': { fr: 'ce qui est attendu', en: 'what is expected' },
  'learner.examFailed': { fr: '{0} : non conforme', en: '{0}: not as expected' },
  'learner.emptyValue': { fr: '(vide)', en: '(empty)' },
  'learner.nothing': { fr: '(rien)', en: '(nothing)' },
  'learner.moreLines': { fr: '… (+{0} lignes)', en: '… (+{0} lines)' },
  'learner.moreLine': { fr: '… (+1 ligne)', en: '… (+1 line)' },
  'learner.lintLine': { fr: 'ligne {0} : {1} ({2})', en: 'line {0}: {1} ({2})' },
  'learner.asUser': { fr: '{0} (en tant que {1})', en: '{0} (as {1})' },
  'learner.otherProperty': { fr: 'une propriété vérifiée', en: 'a checked property' },
  // The CLI's labels under a sentence, and its first hint.
  'learner.ranLabel': { fr: 'lancé :', en: 'ran:' },
  'learner.observedLabel': { fr: 'observé :', en: 'observed:' },
  'learner.whereLabel': { fr: 'où :', en: 'where:' },
  'learner.expectedLabel': { fr: 'attendu :', en: 'expected:' },
  'learner.firstHint': { fr: 'Premier indice : {0}', en: 'First hint: {0}' },
  'cli.check.exam': {
    fr: 'mode examen : n’affiche que réussi ou échoué par critère, sans valeurs attendues ni observées, ni indices',
    en: 'exam mode: show only passed or failed per critère, without expected or observed values or hints',
  },
  'learner.examNote': {
    fr: 'Mode examen : seuls les critères réussis ou échoués sont affichés.',
    en: 'Exam mode: only passed or failed critères are shown.',
  },
});

/** The learner's view of failures: sentences and properties, one group of the catalogue. */
export const learnerTexts = { ...sentences, ...learnerProps };
