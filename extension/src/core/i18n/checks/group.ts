import { defineEntries } from '../define';

/** Reasons of the `group` check. */
export const group = defineEntries({
  'group.missing': { fr: 'Le groupe {name} n’existe pas', en: 'Group {name} does not exist' },
});
