/** Agent-side message catalogue, French first. Placeholders are {0}, {1}, … */
const catalogue = {
  fr: {
    pass: '{0} : conforme',
    mismatch: '{0} : attendu {1}, trouvé {2}',
    missingFile: 'Le fichier {0} n’existe pas',
    missingUser: 'L’utilisateur {0} n’existe pas',
    missingPackage: 'Le paquet {0} n’est pas installé',
    noDpkg: 'Pas de base dpkg sur cette cible : vérification de paquet non prise en charge',
    skipped: 'Non évalué : {0}',
    timeout: 'Délai dépassé après {0} ms : la vérification a été interrompue',
    crashed: 'La vérification a échoué : {0}',
    spawnFailed: 'Impossible de lancer {0} : {1}',
    truncated: ' (sortie tronquée à {0} octets)',
    unknownType: 'Type de vérification inconnu « {0} » ; cet agent connaît : {1}',
    propertyError: '{0} : {1}',
    badMatcher: 'comparateur {0} non reconnu : utilisez contains, notContains, matches, notMatches ou equals',
    regexInvalid: 'expression régulière « {0} » invalide ({1}) : corrigez sa syntaxe',
    regexTimeout: 'l’expression régulière « {0} » n’a pas fini dans le délai de {1} ms (retour arrière catastrophique ?) : évitez les quantificateurs imbriqués comme (a+)+',
    regexCrashed: 'l’expression régulière « {0} » a échoué : {1}',
    truncatedUnknown: 'texte tronqué à {0} octets : l’absence ne peut pas être prouvée ; vérifiez une sortie ou un fichier plus court',
    notRegular: '{0} n’est pas un fichier ordinaire ({1}) : seul un fichier ordinaire peut être lu',
    readFailed: 'lecture de {0} impossible : {1}',
    badTimeout: 'timeoutMs doit être un entier entre 1 et {0}, reçu {1}',
    missingGroup: 'Le groupe {0} n’existe pas',
    noProcess: 'Aucun processus « {0} » ne tourne',
    procFailed: 'lecture des processus dans /proc impossible : {0}',
    missingParam: 'le paramètre noyau {0} n’existe pas sur ce noyau (nom mal écrit, ou module non chargé ?)',
    paramFailed: 'lecture du paramètre noyau {0} impossible : {1}',
    httpFailed: 'pas de réponse HTTP de {0} : {1}',
    httpCertHint: ' ; le certificat n’est pas reconnu : ajoutez allowInsecure: true pour un certificat auto-signé',
    noResponse: 'aucune réponse de {0}',
    noSystemd: 'systemd n’est pas le système d’init de cette cible (PID 1) : l’état d’un service ne peut pas être lu ; vérifiez sur une VM ou un conteneur démarré par systemd',
    systemctlFailed: 'systemctl show {0} a échoué : {1}',
    notActive: 'le service {0} n’est pas actif',
  },
  en: {
    pass: '{0}: as expected',
    mismatch: '{0}: expected {1}, found {2}',
    missingFile: 'File {0} does not exist',
    missingUser: 'User {0} does not exist',
    missingPackage: 'Package {0} is not installed',
    noDpkg: 'No dpkg database on this target: package check not supported',
    skipped: 'Not evaluated: {0}',
    timeout: 'Timed out after {0} ms: the check was stopped',
    crashed: 'The check failed: {0}',
    spawnFailed: 'Cannot start {0}: {1}',
    truncated: ' (output truncated at {0} bytes)',
    unknownType: 'Unknown check type "{0}"; this agent supports: {1}',
    propertyError: '{0}: {1}',
    badMatcher: 'unknown matcher {0}: use contains, notContains, matches, notMatches or equals',
    regexInvalid: 'invalid regular expression "{0}" ({1}): fix its syntax',
    regexTimeout: 'regular expression "{0}" did not finish within {1} ms (catastrophic backtracking?): avoid nested quantifiers such as (a+)+',
    regexCrashed: 'regular expression "{0}" failed: {1}',
    truncatedUnknown: 'text truncated at {0} bytes: an absence cannot be proven; check a shorter output or file',
    notRegular: '{0} is not a regular file ({1}): only a regular file can be read',
    readFailed: 'cannot read {0}: {1}',
    badTimeout: 'timeoutMs must be an integer from 1 to {0}, got {1}',
    missingGroup: 'Group {0} does not exist',
    noProcess: 'No process "{0}" is running',
    procFailed: 'cannot read the processes in /proc: {0}',
    missingParam: 'kernel parameter {0} does not exist on this kernel (misspelt, or module not loaded?)',
    paramFailed: 'cannot read kernel parameter {0}: {1}',
    httpFailed: 'no HTTP response from {0}: {1}',
    httpCertHint: '; the certificate is not trusted: add allowInsecure: true for a self-signed certificate',
    noResponse: 'no response from {0}',
    noSystemd: 'systemd is not this target\'s init system (PID 1): a service state cannot be read; check on a VM or container booted by systemd',
    systemctlFailed: 'systemctl show {0} failed: {1}',
    notActive: 'service {0} is not active',
  },
} as const;

/** A message key of the agent catalogue. */
export type MessageKey = keyof typeof catalogue.fr;
/** Languages the agent speaks. */
export type Lang = keyof typeof catalogue;

/** Formats a catalogue message. Values are rendered compactly as JSON when not strings. */
export function msg(lang: Lang, key: MessageKey, ...args: unknown[]): string {
  return catalogue[lang][key].replace(/\{(\d+)\}/g, (_, i: string) => show(args[Number(i)]));
}

/** Compact rendering of an expected or actual value inside a message. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  const s = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\r?\n/g, '⏎');
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}
