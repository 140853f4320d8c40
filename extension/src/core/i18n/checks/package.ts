import { defineEntries } from '../define';

/** Reasons of the `package` check. */
export const pkg = defineEntries({
  'package.missing': { fr: 'Le paquet {name} n’est pas installé', en: 'Package {name} is not installed' },
  'package.noDatabase': {
    fr: 'Pas de base de paquets dpkg sur cette cible : la vérification de paquet n’est pas prise en charge ici',
    en: 'No dpkg package database on this target: package checks are not supported here',
  },
});
