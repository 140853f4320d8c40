import { defineEntries } from '../define';

/** Reasons of the `file` check. */
export const file = defineEntries({
  'file.missing': { fr: 'Le fichier {path} n’existe pas', en: 'File {path} does not exist' },
  'file.notRegular': {
    fr: '{path} n’est pas un fichier ordinaire ({filetype}) : seul un fichier ordinaire peut être lu',
    en: '{path} is not a regular file ({filetype}): only a regular file can be read',
  },
});
