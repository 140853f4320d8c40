/** Languages of user-facing text; French first. */
export type Lang = 'fr' | 'en';

/** Picks the language: explicit choice, then TSSR_LAB_LANG, then LANG/LC_ALL; French by default. */
export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const v = explicit ?? env.TSSR_LAB_LANG ?? env.LC_ALL ?? env.LANG ?? 'fr';
  return v.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const fr = {
  'pack.notFound': 'Aucun pack.yaml ni exercise.yaml dans {0}',
  'pack.yamlSyntax': 'YAML invalide : {0}',
  'pack.unknownCompetence': 'Compétence inconnue « {0} » : utilisez un identifiant du référentiel TSSR (CP1…CP15, CCS1…CCS5)',
  'pack.unknownCritere': 'Critère du référentiel inconnu « {0} »',
  'pack.critereOutside': 'Le critère {0} relève de {1}, qui n’est pas dans les compétences de l’exercice',
  'pack.duplicateCriterion': 'Identifiant de critère en double « {0} »',
  'pack.missingFile': 'Fichier introuvable : {0}',
  'pack.duplicateExercise': 'Identifiant d’exercice en double « {0} »',
  'pack.unknownCheckType': 'Type de vérification inconnu « {0} » ; types connus : {1}',
  'pack.notYamlObject': 'Le document doit être un objet YAML',
  'run.protocolMajor': 'L’agent parle le protocole {0}, ce client attend {1}.x : mettez à jour TSSR Lab',
  'run.badLine': 'Ligne invalide de l’agent : {0}',
  'run.agentExit': 'L’agent s’est arrêté (code {0}) avant la fin{1}',
  'run.fatal': 'L’agent a refusé la demande ({0}) : {1}',
  'run.interrupted': 'Exécution interrompue : {0}. Les résultats déjà reçus sont conservés.',
  'run.lineTooLong': 'Ligne de l’agent trop longue ({0} octets) : ignorée',
  'report.summary': '{0}/{1} points — {2} réussi(s), {3} échoué(s), {4} en erreur, {5} non exécuté(s)',
  'report.hint': 'Indice',
  'status.passed': 'RÉUSSI',
  'status.failed': 'ÉCHEC',
  'status.error': 'ERREUR',
  'status.notRun': 'NON EXÉCUTÉ',
  'status.running': 'EN COURS',
  'validate.ok': '{0} : aucun problème',
  'validate.count': '{0} problème(s)',
  'usage.target': 'Cible invalide « {0} » : utilisez local ou ssh://utilisateur@hôte[:port]',
} as const;

/** A key of the core message catalogue. */
export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'pack.notFound': 'No pack.yaml or exercise.yaml in {0}',
  'pack.yamlSyntax': 'Invalid YAML: {0}',
  'pack.unknownCompetence': 'Unknown competence "{0}": use a TSSR référentiel id (CP1…CP15, CCS1…CCS5)',
  'pack.unknownCritere': 'Unknown référentiel critère "{0}"',
  'pack.critereOutside': 'Critère {0} belongs to {1}, which is not among the exercise competences',
  'pack.duplicateCriterion': 'Duplicate criterion id "{0}"',
  'pack.missingFile': 'File not found: {0}',
  'pack.duplicateExercise': 'Duplicate exercise id "{0}"',
  'pack.unknownCheckType': 'Unknown check type "{0}"; known types: {1}',
  'pack.notYamlObject': 'The document must be a YAML mapping',
  'run.protocolMajor': 'The agent speaks protocol {0}, this client expects {1}.x: update TSSR Lab',
  'run.badLine': 'Invalid line from the agent: {0}',
  'run.agentExit': 'The agent stopped (code {0}) before the end{1}',
  'run.fatal': 'The agent refused the request ({0}): {1}',
  'run.interrupted': 'Run interrupted: {0}. Results already received are kept.',
  'run.lineTooLong': 'Agent line too long ({0} bytes): ignored',
  'report.summary': '{0}/{1} points — {2} passed, {3} failed, {4} errors, {5} not run',
  'report.hint': 'Hint',
  'status.passed': 'PASSED',
  'status.failed': 'FAILED',
  'status.error': 'ERROR',
  'status.notRun': 'NOT RUN',
  'status.running': 'RUNNING',
  'validate.ok': '{0}: no problems',
  'validate.count': '{0} problem(s)',
  'usage.target': 'Invalid target "{0}": use local or ssh://user@host[:port]',
};

/** Formats a catalogue message in the given language. */
export function t(lang: Lang, key: MessageKey, ...args: unknown[]): string {
  const template: string = lang === 'en' ? en[key] : fr[key];
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}
