import { defineEntries } from '../define';

/** Reasons of the `dns` check. */
export const dns = defineEntries({
  'dns.badServer': {
    fr: 'serveur DNS « {server} » invalide : donnez une adresse IP, éventuellement suivie d’un port (127.0.0.1:5353)',
    en: 'invalid DNS server "{server}": give an IP address, optionally with a port (127.0.0.1:5353)',
  },
  'dns.noReply': {
    fr: 'le serveur {server} n’a pas répondu pour {name} ({recordType}, {error}) en {timeoutMs} ms : vérifiez que le service DNS tourne et écoute sur cette adresse',
    en: 'server {server} did not answer for {name} ({recordType}, {error}) within {timeoutMs} ms: check that the DNS service runs and listens on this address',
  },
  'dns.serverError': {
    fr: 'le serveur {server} refuse ou échoue à répondre pour {name} ({recordType}, {error}) : vérifiez la zone (named-checkzone) et les ACL (allow-query)',
    en: 'server {server} refused or failed to answer for {name} ({recordType}, {error}): check the zone (named-checkzone) and the ACLs (allow-query)',
  },
  'dns.noRecord': {
    fr: 'le serveur {server} ne connaît aucun enregistrement {recordType} pour {name} : ajoutez-le à la zone et rechargez le service',
    en: 'server {server} knows no {recordType} record for {name}: add it to the zone and reload the service',
  },
  'dns.resolved': {
    fr: 'le serveur {server} répond encore pour {name} ({recordType}) alors que l’enregistrement devrait avoir disparu : retirez-le de la zone et rechargez',
    en: 'server {server} still answers for {name} ({recordType}) but the record should be gone: remove it from the zone and reload',
  },
});
