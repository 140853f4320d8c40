import { defineEntries } from './define';

/** Run control (needs, check ids), the sudo option and --concurrency. */
export const runControlTexts = defineEntries({
  'runControl.unknownCriterion': {
    fr: 'needs nomme un critère inconnu « {0} » : critères de cet exercice : {1}',
    en: 'needs names an unknown critère "{0}": this exercise\'s critères: {1}',
  },
  'runControl.unknownCheck': {
    fr: 'needs nomme une vérification inconnue « {0} » : donnez un id: à la vérification voulue (ids connus : {1})',
    en: 'needs names an unknown check "{0}": give the wanted check an id: (known ids: {1})',
  },
  'runControl.duplicateCheckId': {
    fr: 'Identifiant de vérification en double « {0} » : needs ne saurait pas laquelle attendre ; renommez l’une des deux',
    en: 'Duplicate check id "{0}": needs could not tell which one to wait for; rename one of them',
  },
  'runControl.cycle': {
    fr: 'Dépendances en boucle : {0} ; retirez un des needs pour casser la boucle',
    en: 'Dependencies in a loop: {0}; remove one of the needs to break it',
  },
  'script.notInWorkspace': {
    fr: 'Le script « {0} » n’est pas listé dans workspaceFiles : ajoutez-le pour qu’il soit envoyé sur la cible',
    en: 'Script "{0}" is not listed in workspaceFiles: add it so that it is sent to the target',
  },
  'ssh.sudoMissing': {
    fr: 'sudo n’est pas installé sur {0} : installez-le (apt install sudo) ou lancez la vérification en root, sans --sudo',
    en: 'sudo is not installed on {0}: install it (apt install sudo) or run the check as root, without --sudo',
  },
  'ssh.sudoRefused': {
    fr: 'sudo -n refuse de lancer l’agent sur {0} ({1}). --sudo exige une règle sans mot de passe pour la commande de l’agent ; ajoutez avec visudo -f /etc/sudoers.d/tssr-lab :\n  {2} ALL=(root) NOPASSWD: {3} {4}/.cache/tssr-lab/agent-*.js serve',
    en: "sudo -n refuses to start the agent on {0} ({1}). --sudo needs a password-less rule for the agent's command; add with visudo -f /etc/sudoers.d/tssr-lab:\n  {2} ALL=(root) NOPASSWD: {3} {4}/.cache/tssr-lab/agent-*.js serve",
  },
  'usage.sudoLocal': {
    fr: '--sudo vaut pour une cible SSH : pour une vérification locale en root, lancez sudo tssr-lab check …',
    en: '--sudo is for an SSH target: to check this machine as root, run sudo tssr-lab check …',
  },
  'usage.concurrency': {
    fr: '--concurrency attend un entier de 1 à 64, reçu « {0} »',
    en: '--concurrency takes an integer from 1 to 64, got "{0}"',
  },
});
