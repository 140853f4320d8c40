import { defineEntries } from './define';

/** Paths inside a pack or exercise folder. */
export const path = defineEntries({
  'path.outside': {
    fr: 'Le chemin « {0} » sort du dossier {1} : donnez un chemin relatif à l’intérieur de ce dossier, sans « .. » ni lien symbolique vers l’extérieur',
    en: 'The path "{0}" leaves the {1} folder: give a relative path inside that folder, with no ".." nor symlink leading outside',
  },
  'path.absolute': {
    fr: 'Chemin absolu « {0} » refusé : le chemin sort du dossier {1} ; donnez un chemin relatif à ce dossier',
    en: 'Absolute path "{0}" refused: it leaves the {1} folder; give a path relative to that folder',
  },
  'path.nul': {
    fr: 'Le chemin « {0} » contient un caractère NUL : retirez-le',
    en: 'The path "{0}" contains a NUL character: remove it',
  },
  'path.empty': {
    fr: 'Chemin vide : donnez un chemin relatif au dossier {1}',
    en: 'Empty path: give a path relative to the {1} folder',
  },
  'path.missingDir': {
    fr: 'Dossier introuvable : {0} ; créez-le ou corrigez le chemin',
    en: 'Folder not found: {0}; create it or fix the path',
  },
  'path.directory': {
    fr: '« {0} » est un dossier alors qu’un fichier est attendu : donnez le chemin d’un fichier',
    en: '"{0}" is a folder where a file is expected: give the path of a file',
  },
  'path.notFile': {
    fr: '« {0} » n’est pas un fichier ordinaire (tube, périphérique ou socket) : il n’est pas lu ; donnez un fichier ordinaire',
    en: '"{0}" is not a regular file (pipe, device or socket): it is not read; give a regular file',
  },
  'path.notDirectory': {
    fr: '« {0} » n’est pas un dossier : donnez le chemin d’un dossier',
    en: '"{0}" is not a folder: give the path of a folder',
  },
  'path.root.exercise': {
    fr: 'de l’exercice',
    en: 'exercise',
  },
  'path.root.pack': {
    fr: 'du pack',
    en: 'pack',
  },
  'path.root.workspace': {
    fr: 'de travail',
    en: 'workspace',
  },
});
