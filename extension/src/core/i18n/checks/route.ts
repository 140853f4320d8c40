import { defineEntries } from '../define';

/** Reasons of the `route` check. */
export const route = defineEntries({
  'route.badDestination': {
    fr: 'destination « {destination} » invalide pour {family} : écrivez default, un réseau (192.168.20.0/24) ou une adresse',
    en: 'invalid destination "{destination}" for {family}: write default, a network (192.168.20.0/24) or an address',
  },
  'route.unreadable': { fr: 'la table de routage {path} n’a pas pu être lue ({error})', en: 'routing table {path} could not be read ({error})' },
  'route.missing': {
    fr: 'aucune route vers {destination} : ajoutez-la (ip route add, ou la configuration réseau de la machine)',
    en: 'no route to {destination}: add it (ip route add, or the machine’s network configuration)',
  },
});
