import { defineEntries } from '../define';

/** Reasons of the `interface` check. */
export const netInterface = defineEntries({
  'interface.missing': {
    fr: 'l’interface {name} n’existe pas sur la cible : vérifiez son nom avec `ip link`',
    en: 'interface {name} does not exist on the target: check its name with `ip link`',
  },
  'interface.addrsUnreadable': {
    fr: 'les adresses de {name} n’ont pas pu être lues ({error}) : l’interface est éteinte et `ip` (paquet iproute2) manque ; installez iproute2 ou activez l’interface',
    en: 'the addresses of {name} could not be read ({error}): the interface is down and `ip` (package iproute2) is missing; install iproute2 or bring the interface up',
  },
});
