import { defineEntries } from './define';

/** The learner's path in the editor: tree groups, statement, starter files, hints, progress, exam mode. */
export const learnerPathTexts = defineEntries({
  'learner.block.CCP1': { fr: 'CCP1 · Assister les utilisateurs en centre de services', en: 'CCP1 · Assisting users in a service centre' },
  'learner.block.CCP2': {
    fr: 'CCP2 · Maintenir, exploiter et sécuriser une infrastructure centralisée',
    en: 'CCP2 · Maintaining, running and securing a centralised infrastructure',
  },
  'learner.block.CCP3': {
    fr: 'CCP3 · Maintenir et exploiter une infrastructure distribuée et contribuer à sa sécurisation',
    en: 'CCP3 · Maintaining and running a distributed infrastructure, and helping to secure it',
  },
  'learner.block.CCS': { fr: 'CCS · Administrer les serveurs Linux', en: 'CCS · Administering Linux servers' },
  'learner.jury': { fr: 'évalué par le jury', en: 'assessed by the jury' },
  'learner.action.verify': { fr: 'Vérifier l’exercice', en: 'Check the exercise' },
  'learner.action.statement': { fr: 'Lire l’énoncé', en: 'Read the statement' },
  'learner.action.of': { fr: '{0} « {1} »', en: '{0} "{1}"' },
  'learner.hintsHidden': {
    fr: 'Besoin d’aide ? « Indice suivant » (clic droit) révèle un indice à la fois.',
    en: 'Stuck? "Next hint" (right-click) reveals one hint at a time.',
  },
  'learner.hintShown': { fr: 'Indice {0}/{1} : {2}', en: 'Hint {0}/{1}: {2}' },
  'learner.button.start': { fr: 'Commencer', en: 'Start' },
  'learner.button.verify': { fr: 'Vérifier', en: 'Check' },
  'learner.button.hint': { fr: 'Indice', en: 'Hint' },
  'learner.button.prepare': { fr: 'Préparer la VM', en: 'Prepare the VM' },
  'learner.statementMissing': {
    fr: 'L’énoncé {0} est introuvable : demandez-le à votre formateur ou rechargez le pack.',
    en: 'The statement {0} cannot be found: ask your trainer for it or reload the pack.',
  },
  'learner.noHintYet': {
    fr: 'Aucun indice demandé. Bloqué ? Le bouton « Indice » en révèle un, du plus discret au plus précis.',
    en: 'No hint asked for yet. Stuck? The "Hint" button reveals one, from a nudge to the exact command.',
  },
  'learner.examNoHints': {
    fr: 'Mode examen : les indices et les valeurs attendues sont masqués.',
    en: 'Exam mode: hints and expected values are hidden.',
  },
  'learner.pickCriterion': { fr: 'Critère pour lequel vous voulez un indice', en: 'Critère you want a hint for' },
  'learner.noHints': { fr: 'Ce critère n’a pas d’indice.', en: 'This critère has no hint.' },
  'learner.solutionAsk': {
    fr: 'Plus d’indice pour « {0} ». Voir la solution de référence ? Votre formateur verra dans le rapport que vous l’avez consultée.',
    en: 'No more hints for "{0}". See the reference solution? Your trainer will see in the report that you looked at it.',
  },
  'learner.solutionShow': { fr: 'Voir la solution', en: 'See the solution' },
  'learner.solutionNone': {
    fr: 'Cet exercice n’a pas de solution consultable : demandez à votre formateur.',
    en: 'This exercise has no solution you can read: ask your trainer.',
  },
  'learner.examNoHint': {
    fr: 'Mode examen : pas d’indice pendant l’épreuve.',
    en: 'Exam mode: no hints during the exam.',
  },
  'learner.allPassed': {
    fr: 'Tous les critères vérifiés sont réussis : pas besoin d’indice.',
    en: 'Every checked critère passed: no hint needed.',
  },
  'learner.noStarter': {
    fr: 'L’exercice {0} n’a pas de fichier de départ : lisez l’énoncé et travaillez directement sur la cible.',
    en: 'Exercise {0} has no starter file: read the statement and work on the target directly.',
  },
  'learner.noWorkspace': {
    fr: 'Ouvrez d’abord un dossier de travail (Fichier > Ouvrir le dossier) : les fichiers de départ y seront copiés.',
    en: 'Open a working folder first (File > Open Folder): the starter files will be copied into it.',
  },
  'learner.starterOverwrite': {
    fr: 'Ces fichiers existent déjà dans {0} et vous les avez modifiés : {1}. Les remplacer par la version de départ ?',
    en: 'These files already exist in {0} and you changed them: {1}. Replace them with the starting version?',
  },
  'learner.replace': { fr: 'Remplacer', en: 'Replace' },
  'learner.keep': { fr: 'Garder les miens', en: 'Keep mine' },
  'learner.starterCopied': { fr: 'Fichiers de départ copiés : {0}', en: 'Starter files copied: {0}' },
  'learner.starterKept': { fr: 'Vos fichiers sont conservés dans {0}.', en: 'Your files are kept in {0}.' },
  'learner.prepareLocal': {
    fr: 'Choisissez d’abord une VM comme cible (vue Cibles ou barre d’état) : la préparation modifie la machine en root, jamais ce poste.',
    en: 'Choose a VM as the target first (Targets view or status bar): the setup changes that machine as root, never this computer.',
  },
  'learner.prepareConfirm': { fr: 'Préparer la VM', en: 'Prepare the VM' },
  'learner.prepareDone': {
    fr: 'La VM {0} est prête pour l’exercice {1}. Faites l’exercice, puis cliquez sur Vérifier.',
    en: 'The VM {0} is ready for exercise {1}. Do the exercise, then click Check.',
  },
  'learner.prepareRunning': { fr: 'Préparation de la VM {0}…', en: 'Preparing the VM {0}…' },
  'learner.progressTitle': { fr: 'Progression TSSR', en: 'TSSR progress' },
  'learner.progressIntro': {
    fr: 'Critères réussis sur les critères possibles dans vos packs, pour chacune des 20 compétences du titre.',
    en: 'Critères passed out of those possible in your packs, for each of the title’s 20 competences.',
  },
  'learner.progressNone': { fr: 'aucun exercice', en: 'no exercise' },
  'learner.progressBar': { fr: '{0}/{1} critères réussis', en: '{0}/{1} critères passed' },
  'learner.progressJury': { fr: '+ {0} évalué(s) par le jury', en: '+ {0} assessed by the jury' },
  'learner.progressTotal': {
    fr: 'Au total : {0} critère(s) réussi(s) sur {1}, {2} point(s) sur {3}.',
    en: 'In all: {0} critère(s) passed out of {1}, {2} point(s) out of {3}.',
  },
  'learner.export': { fr: 'Exporter la progression', en: 'Export the progress' },
  'learner.exported': {
    fr: 'Progression exportée dans {0} : envoyez ce fichier à votre formateur.',
    en: 'Progress exported to {0}: send this file to your trainer.',
  },
  'learner.samplePick': { fr: 'Copier le pack d’exemple ici', en: 'Copy the sample pack here' },
  'learner.sampleCopied': {
    fr: 'Le pack d’exemple est copié dans {0}. Ouverture du dossier…',
    en: 'The sample pack was copied to {0}. Opening the folder…',
  },
  'learner.sampleExists': {
    fr: '{0} existe déjà : choisissez un autre dossier, ou ouvrez celui-ci.',
    en: '{0} already exists: pick another folder, or open that one.',
  },
  'learner.openIt': { fr: 'Ouvrir ce dossier', en: 'Open that folder' },
  'learner.groupBy.pack': { fr: 'Exercices rangés par pack', en: 'Exercises grouped by pack' },
  'learner.groupBy.competence': {
    fr: 'Exercices rangés par bloc et compétence',
    en: 'Exercises grouped by block and competence',
  },
  'learner.passedOnly.failed': { fr: 'non réussi', en: 'not passed' },
  'learner.level.debutant': { fr: 'débutant', en: 'beginner' },
  'learner.level.intermediaire': { fr: 'intermédiaire', en: 'intermediate' },
  'learner.level.avance': { fr: 'avancé', en: 'advanced' },
  'learner.duration': { fr: 'environ {0} min', en: 'about {0} min' },
  'learner.pickExercise': { fr: 'Choisissez un exercice', en: 'Choose an exercise' },
  'learner.nextHint': { fr: 'Indice suivant', en: 'Next hint' },
  'learner.hintOf': { fr: 'indice {0}/{1} vu', en: 'hint {0}/{1} seen' },
  'learner.prepareFailed': {
    fr: 'Le script de préparation {0} a échoué sur {1} (code {2}) : lisez ses messages dans le journal TSSR Lab, corrigez, puis relancez « Préparer la VM ».',
    en: 'The setup script {0} failed on {1} (code {2}): read its messages in the TSSR Lab log, fix the problem, then run "Prepare the VM" again.',
  },
  'learner.prepareInterrupted': {
    fr: 'La préparation {0} a été interrompue sur {1} (connexion perdue ou annulation) : relancez « Préparer la VM ».',
    en: 'The setup {0} was interrupted on {1} (connection lost or cancelled): run "Prepare the VM" again.',
  },
  'learner.chooseTarget': { fr: 'Choisir la cible', en: 'Choose the target' },
  'learner.showLog': { fr: 'Voir le journal', en: 'Show the log' },
});
