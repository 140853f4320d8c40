import { defineEntries } from '../define';

/** Reasons of the `user` check. */
export const user = defineEntries({
  'user.missing': { fr: 'L’utilisateur {name} n’existe pas', en: 'User {name} does not exist' },
});
