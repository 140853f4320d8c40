import { defineEntries } from './define';

/** `tssr-lab pack test`: the trainer's proof on throw-away containers. */
export const packTestTexts = defineEntries({
  'packTest.notRoot': {
    fr: 'pack test démarre des conteneurs systemd-nspawn jetables : il doit tourner en root. Relancez avec sudo (sudo tssr-lab pack test …).',
    en: 'pack test boots throw-away systemd-nspawn containers: it must run as root. Run it again with sudo (sudo tssr-lab pack test …).',
  },
  'packTest.missing': {
    fr: 'Il manque {0} pour les conteneurs : installez-les avec sudo apt-get install -y systemd-container debootstrap iproute2 util-linux openssh-client',
    en: 'Missing {0} for the containers: install them with sudo apt-get install -y systemd-container debootstrap iproute2 util-linux openssh-client',
  },
  'packTest.noTools': {
    fr: 'Dossier tools/lab introuvable : lancez pack test depuis une copie du dépôt TSSR Lab, ou donnez son chemin dans TSSR_LAB_TOOLS.',
    en: 'tools/lab not found: run pack test from a TSSR Lab checkout, or give its path in TSSR_LAB_TOOLS.',
  },
  'packTest.unknownExercise': {
    fr: 'Exercice inconnu dans --exercise : {0}. Exercices de ce pack : {1}',
    en: "Unknown exercise in --exercise: {0}. This pack's exercises: {1}",
  },
  'packTest.imageBuilding': {
    fr: 'Image Debian 12 des conteneurs : construite au premier usage (quelques minutes), puis gardée en cache…',
    en: 'Debian 12 container image: built on first use (a few minutes), then cached…',
  },
  'packTest.imageBuilt': {
    fr: 'Image construite en {0} s : {1}',
    en: 'Image built in {0} s: {1}',
  },
  'packTest.imageCached': {
    fr: 'Image en cache : {0}',
    en: 'Cached image: {0}',
  },
  'packTest.col.exercise': {
    fr: 'Exercice',
    en: 'Exercise',
  },
  'packTest.col.fresh': {
    fr: 'Départ',
    en: 'Fresh',
  },
  'packTest.col.solved': {
    fr: 'Résolu',
    en: 'Solved',
  },
  'packTest.col.boot': {
    fr: 'Démarrage',
    en: 'Boot',
  },
  'packTest.col.setup': {
    fr: 'préparation',
    en: 'setup',
  },
  'packTest.col.checkFresh': {
    fr: 'vérif. départ',
    en: 'check fresh',
  },
  'packTest.col.apply': {
    fr: 'application',
    en: 'solution',
  },
  'packTest.col.checkSolved': {
    fr: 'vérif. résolu',
    en: 'check solved',
  },
  'packTest.col.verdict': {
    fr: 'Bilan',
    en: 'Verdict',
  },
  'packTest.verdict.ok': {
    fr: 'PROUVÉ',
    en: 'PROVEN',
  },
  'packTest.verdict.failed': {
    fr: 'ÉCHEC',
    en: 'FAILED',
  },
  'packTest.verdict.error': {
    fr: 'ERREUR',
    en: 'ERROR',
  },
  'packTest.passedOf': {
    fr: '{0}/{1} réussis',
    en: '{0}/{1} passed',
  },
  'packTest.localNote': {
    fr: 'Prouvés sur cette machine comme check --solution (solution en fichiers seulement, vérifiés dans l’espace de travail) : {0}',
    en: 'Proven on this machine like check --solution (solution as files only, checked in the workspace): {0}',
  },
  'packTest.freshPassed': {
    fr: '{0} : le critère {1} réussit déjà au départ : setup doit mettre la cible dans un état où il échoue, ou marquez-le startsMet: true s’il est acquis d’avance',
    en: '{0}: critère {1} already passes on the fresh target: setup must leave the target where it fails, or mark it startsMet: true if it is met from the start',
  },
  'packTest.freshError': {
    fr: '{0} : le critère {1} est en erreur au départ (il doit échouer, pas être en erreur) : {2}',
    en: '{0}: critère {1} is in error on the fresh target (it must fail, not error): {2}',
  },
  'packTest.solvedNotPassed': {
    fr: '{0} : le critère {1} n’est pas réussi avec la solution ({2}) : {3}',
    en: '{0}: critère {1} does not pass with the solution ({2}): {3}',
  },
  'packTest.scriptFailed': {
    fr: '{0} : le script {1} a échoué (code {2}) : {3}',
    en: '{0}: the script {1} failed (code {2}): {3}',
  },
  'packTest.interrupted': {
    fr: '{0} : vérification interrompue : {1}',
    en: '{0}: check interrupted: {1}',
  },
  'packTest.labError': {
    fr: '{0} : le conteneur n’a pas pu servir : {1}',
    en: '{0}: the container could not serve: {1}',
  },
  'packTest.summary': {
    fr: '{0}/{1} exercice(s) prouvé(s) en {2} s',
    en: '{0}/{1} exercise(s) proven in {2} s',
  },
  'packTest.agentNode': {
    fr: 'Agent dans les conteneurs : Node {0}',
    en: 'Agent in the containers: Node {0}',
  },
  'packTest.kept': {
    fr: 'Conteneurs gardés (--keep) : {0}. Entrez-y avec « {1} ssh {2} NOM commande », arrêtez-les avec « {1} down {2} ».',
    en: 'Containers kept (--keep): {0}. Get in with "{1} ssh {2} NAME command", stop them with "{1} down {2}".',
  },
});
