import { defineEntries } from '../define';

/** Reasons of the `package` check. */
export const pkg = defineEntries({
  'package.missing': { fr: 'Le paquet {name} n’est pas installé', en: 'Package {name} is not installed' },
  'package.noDatabase': {
    fr: 'Ni dpkg ni rpm sur cette cible : la vérification de paquet n’y est pas prise en charge ; vérifiez une cible Debian ou Red Hat',
    en: 'Neither dpkg nor rpm on this target: package checks are not supported here; check a Debian or Red Hat target',
  },
  'package.listFailed': { fr: 'rpm -qa a échoué : {error}', en: 'rpm -qa failed: {error}' },
});
