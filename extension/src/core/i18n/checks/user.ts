import { defineEntries } from '../define';

/** Reasons of the `user` check. */
export const user = defineEntries({
  'user.missing': { fr: 'L’utilisateur {name} n’existe pas', en: 'User {name} does not exist' },
  'user.shadowNeedsRoot': {
    fr: 'L’état du mot de passe de {name} est dans {path}, lisible par root seulement : connectez-vous en root à la cible, ou activez l’option sudo de la cible (sudo -n)',
    en: 'The password state of {name} is in {path}, readable by root only: log in to the target as root, or turn on the target’s sudo option (sudo -n)',
  },
  'user.noShadowEntry': {
    fr: '{name} n’a pas de ligne dans {path} : recréez-la avec pwconv, ou donnez un mot de passe avec passwd {name}',
    en: '{name} has no line in {path}: rebuild it with pwconv, or set a password with passwd {name}',
  },
});
