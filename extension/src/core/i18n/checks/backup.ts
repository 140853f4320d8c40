import { defineEntries } from '../define';

/** Reasons of the `backup` check. */
export const backup = defineEntries({
  'backup.noArchive': {
    fr: 'Aucune archive {archive} sur la cible : lancez la sauvegarde, ou vérifiez son chemin',
    en: 'No archive {archive} on the target: run the backup, or check its path',
  },
  'backup.tooOld': {
    fr: 'L’archive {path} date de {ageHours} h, au-delà de {maxAgeHours} h : la sauvegarde planifiée ne tourne pas ?',
    en: 'Archive {path} is {ageHours} h old, over {maxAgeHours} h: is the scheduled backup running?',
  },
  'backup.needsRoot': {
    fr: '{path} ne peut pas être lu sans les droits root : relancez avec --sudo (ou en root)',
    en: '{path} cannot be read without root: run again with --sudo (or as root)',
  },
  'backup.readFailed': { fr: '{path} ne peut pas être lu ({error})', en: '{path} cannot be read ({error})' },
  'backup.toolMissing': {
    fr: 'La commande {tool} manque sur la cible : installez-la (apt install {tool})',
    en: 'Command {tool} is missing on the target: install it (apt install {tool})',
  },
  'backup.unreadableArchive': {
    fr: '{tool} ne sait pas lire l’archive {path} ({detail}) : archive corrompue, ou compression sans son outil (zstd ?)',
    en: '{tool} cannot read archive {path} ({detail}): a corrupt archive, or a compression whose tool is missing (zstd?)',
  },
  'backup.listingTruncated': {
    fr: 'La liste des fichiers de {path} est trop longue pour conclure à une absence',
    en: 'The file list of {path} is too long to prove an absence',
  },
  'backup.missingEntry': {
    fr: 'L’archive {path} ne contient pas {entry} : ajoutez ce chemin à la sauvegarde',
    en: 'Archive {path} does not hold {entry}: add this path to the backup',
  },
  'backup.sandboxFailed': {
    fr: 'Le dossier de restauration n’a pas pu être créé ({error}) : vérifiez l’espace libre dans /tmp',
    en: 'The restore folder could not be created ({error}): check the free space in /tmp',
  },
  'backup.restoreFailed': {
    fr: 'La restauration de {path} par {tool} a échoué ({detail}) : l’archive ne se restaure pas',
    en: 'Restoring {path} with {tool} failed ({detail}): the archive does not restore',
  },
  'backup.treeTooLarge': { fr: 'L’arborescence {path} a trop de fichiers pour être comparée', en: 'Tree {path} has too many files to be compared' },
  'backup.treeDiffers': {
    fr: 'La copie restaurée diffère de {source} en {count} point(s), d’abord {path} ({what}) : refaites la sauvegarde',
    en: 'The restored copy differs from {source} in {count} place(s), first {path} ({what}): back up again',
  },
});
