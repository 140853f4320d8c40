import { defineEntries } from '../define';

/** Reasons of the `addr` check. */
export const addr = defineEntries({
  'addr.badPort': {
    fr: 'l’adresse {address} n’a pas de port valide (1 à 65535) : écrivez hôte:port',
    en: 'address {address} has no valid port (1 to 65535): write host:port',
  },
  'addr.open': {
    fr: '{address} ({protocol}) répond alors qu’il devrait être fermé : arrêtez le service ou filtrez le port',
    en: '{address} ({protocol}) answers but should be closed: stop the service or filter the port',
  },
  'addr.closed': {
    fr: '{address} ({protocol}) est injoignable ({error}) : vérifiez que le service écoute sur cette adresse et que le pare-feu le laisse passer',
    en: '{address} ({protocol}) is unreachable ({error}): check that the service listens on this address and that the firewall lets it through',
  },
  'addr.silent': {
    fr: '{address} ({protocol}) ne répond pas en {windowMs} ms : un pare-feu le filtre peut-être, ou l’hôte est éteint',
    en: '{address} ({protocol}) gave no answer within {windowMs} ms: a firewall may drop it, or the host is down',
  },
});
