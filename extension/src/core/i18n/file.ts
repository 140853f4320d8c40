import { defineEntries } from './define';

/** Reading pack files: size, encoding, rights. */
export const file = defineEntries({
  'file.tooLarge': {
    fr: '{0} fait {1} octets, au-delà de la limite de {2} octets : découpez le fichier ou retirez le contenu inutile',
    en: '{0} is {1} bytes, over the {2}-byte limit: split the file or remove unneeded content',
  },
  'file.notUtf8': {
    fr: 'Octet invalide en UTF-8 (0x{1}) à la position {0} : enregistrez le fichier en UTF-8',
    en: 'Invalid UTF-8 byte (0x{1}) at offset {0}: save the file as UTF-8',
  },
  'file.unreadable': {
    fr: 'Impossible de lire {0} : vérifiez les droits du fichier',
    en: 'Cannot read {0}: check the file permissions',
  },
  'file.nul': {
    fr: 'Octet NUL à la position {0} : un fichier YAML est du texte, retirez-le',
    en: 'NUL byte at offset {0}: a YAML file is text, remove it',
  },
});
