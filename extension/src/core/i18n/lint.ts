import { defineEntries } from './define';

/** The lint command: script files it cannot read. */
export const lint = defineEntries({
  'lint.notFound': {
    fr: 'Script introuvable : {0} ; vérifiez le chemin',
    en: 'Script not found: {0}; check the path',
  },
  'lint.directory': {
    fr: '{0} est un dossier : donnez des fichiers de script (.sh, .ps1…)',
    en: '{0} is a folder: give script files (.sh, .ps1…)',
  },
  'lint.notFile': {
    fr: '{0} n’est pas un fichier ordinaire : donnez un fichier de script',
    en: '{0} is not a regular file: give a script file',
  },
  'lint.unreadable': {
    fr: 'Impossible de lire {0} : vérifiez les droits du fichier',
    en: 'Cannot read {0}: check the file permissions',
  },
});
