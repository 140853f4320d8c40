import { defineEntries } from './define';

/** `tssr-lab start`: the exercise's setup on the learner's target. */
export const startTexts = defineEntries({
  'start.noSetup': {
    fr: 'L’exercice {0} n’a pas de script de préparation (setup) : rien à préparer sur la cible, vous pouvez commencer.',
    en: 'Exercise {0} has no setup script: nothing to prepare on the target, you can start.',
  },
  'start.plan': {
    fr: 'Préparation de l’exercice {0} sur {1} : le script {2} ({3} lignes de commandes) va tourner en root et modifier cette machine.',
    en: 'Preparing exercise {0} on {1}: the script {2} ({3} command lines) will run as root and change that machine.',
  },
  'start.comments': {
    fr: 'Ce qu’il fait, d’après ses commentaires :',
    en: 'What it does, according to its comments:',
  },
  'start.paths': {
    fr: 'Chemins qu’il cite : {0}',
    en: 'Paths it names: {0}',
  },
  'start.services': {
    fr: 'Services qu’il pilote (systemctl) : {0}',
    en: 'Services it drives (systemctl): {0}',
  },
  'start.warning': {
    fr: 'Faites-le sur une VM d’exercice que vous pouvez réinstaller, jamais sur un serveur en service.',
    en: 'Do this on an exercise VM you can reinstall, never on a server in use.',
  },
  'start.ask': {
    fr: 'Lancer la préparation ? [o/N] ',
    en: 'Run the setup? [y/N] ',
  },
  'start.cancelled': {
    fr: 'Annulé : la cible n’a pas été modifiée.',
    en: 'Cancelled: the target was not changed.',
  },
  'start.needYes': {
    fr: 'Confirmation impossible : l’entrée n’est pas un terminal. Relisez le script {0}, puis relancez avec --yes pour confirmer.',
    en: 'Cannot ask for confirmation: the input is not a terminal. Read the script {0}, then run again with --yes to confirm.',
  },
  'start.running': {
    fr: 'Lancement de {0} sur {1}…',
    en: 'Running {0} on {1}…',
  },
  'start.done': {
    fr: 'Exercice {0} prêt sur {1} en {2} s. Quand vous avez terminé, vérifiez : tssr-lab check {3}',
    en: 'Exercise {0} is ready on {1} in {2} s. When you are done, check: tssr-lab check {3}',
  },
  'start.failed': {
    fr: 'Le script de préparation {0} a échoué sur {1} (code {2}) : lisez ses messages ci-dessus. La cible est peut-être à moitié préparée ; relancez tssr-lab start une fois le problème corrigé.',
    en: 'The setup script {0} failed on {1} (code {2}): read its messages above. The target may be half-prepared; run tssr-lab start again once the problem is fixed.',
  },
  'start.interrupted': {
    fr: 'Le script de préparation {0} a été interrompu sur {1} (connexion perdue ou arrêt) : relancez tssr-lab start.',
    en: 'The setup script {0} was interrupted on {1} (connection lost or stopped): run tssr-lab start again.',
  },
  'start.noSudo': {
    fr: 'sudo est introuvable ({1}) : lancez tssr-lab start en root, ou installez sudo',
    en: 'sudo not found ({1}): run tssr-lab start as root, or install sudo',
  },
  'start.cannotRun': {
    fr: 'Impossible de lancer le script sur {0} : {1}',
    en: 'Cannot run the script on {0}: {1}',
  },
  'start.sudoRefused': {
    fr: 'sudo demande un mot de passe sur {0} et ne peut pas le demander ici : connectez-vous en root (--target ssh://root@…), autorisez ce compte à utiliser sudo sans mot de passe (NOPASSWD dans /etc/sudoers.d/), ou lancez la commande dans un terminal.',
    en: 'sudo asks for a password on {0} and cannot ask for it here: connect as root (--target ssh://root@…), allow this account to use sudo without a password (NOPASSWD in /etc/sudoers.d/), or run the command in a terminal.',
  },
});
