import { defineEntries } from '../define';

/** Reasons of the `configTest` check. */
export const configTest = defineEntries({
  'configTest.toolMissing': {
    fr: 'Le validateur {tool} n’est pas installé sur la cible : installez le paquet {package} (apt install {package})',
    en: 'The validator {tool} is not installed on the target: install the {package} package (apt install {package})',
  },
  'configTest.spawnFailed': { fr: 'Impossible de lancer {tool} ({error})', en: 'Cannot start {tool} ({error})' },
  'configTest.invalid': {
    fr: '« {command} » refuse la configuration : {detail}. Corrigez cette ligne puis relancez la vérification',
    en: '"{command}" rejects the configuration: {detail}. Fix that line and check again',
  },
  'configTest.unexpectedlyValid': {
    fr: '« {command} » accepte la configuration alors qu’elle devrait être refusée',
    en: '"{command}" accepts the configuration although it should reject it',
  },
});
