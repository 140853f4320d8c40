import { defineEntries } from '../define';

/** Reasons of the `configKey` check. */
export const configKey = defineEntries({
  'configKey.toolMissing': {
    fr: '{tool} n’est pas installé sur la cible : installez le paquet {package} (apt install {package})',
    en: '{tool} is not installed on the target: install the {package} package (apt install {package})',
  },
  'configKey.toolFailed': {
    fr: '{tool} n’a pas pu lire sa configuration (code {code}) : {detail}. Corrigez l’erreur signalée',
    en: '{tool} could not read its configuration (exit {code}): {detail}. Fix the reported error',
  },
  'configKey.needsRoot': {
    fr: 'Lire {what} demande les droits root ({detail}) : relancez avec l’option sudo ou en tant que root',
    en: 'Reading {what} needs root ({detail}): run again with the sudo option or as root',
  },
  'configKey.unreadable': { fr: 'Impossible de lire {path} ({error}) : vérifiez le chemin', en: 'Cannot read {path} ({error}): check the path' },
  'configKey.noFile': { fr: 'Le fichier {path} n’existe pas : créez-le', en: 'The file {path} does not exist: create it' },
  'configKey.noKey': { fr: 'La clé {key} n’est pas définie dans {source} : ajoutez-la', en: 'The key {key} is not set in {source}: add it' },
});
