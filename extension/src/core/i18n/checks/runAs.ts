import { defineEntries } from '../define';

/** Reasons of `runAs` (command and script checks run as another user). */
export const runAs = defineEntries({
  'runAs.needsRoot': {
    fr: 'Lancer une commande en tant que {user} demande les droits root : connectez-vous en root à la cible, ou activez l’option sudo de la cible (sudo -n)',
    en: 'Running a command as {user} needs root: log in to the target as root, or turn on the target’s sudo option (sudo -n)',
  },
  'runAs.noUser': {
    fr: 'L’utilisateur {user} n’existe pas sur la cible : créez-le, ou corrigez runAs',
    en: 'User {user} does not exist on the target: create it, or fix runAs',
  },
  'runAs.noSetpriv': {
    fr: 'setpriv est introuvable sur la cible : il faut pour lancer une commande en tant que {user} ; installez util-linux (apt-get install util-linux)',
    en: 'setpriv is missing on the target: it is needed to run a command as {user}; install util-linux (apt-get install util-linux)',
  },
});
