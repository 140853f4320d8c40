import { defineEntries } from '../define';

/** Reasons of the `tlsCert` check. */
export const tlsCert = defineEntries({
  'tlsCert.needsRoot': {
    fr: '{path} n’est lisible que par root : relancez la vérification avec l’option sudo (ou en root)',
    en: '{path} is readable by root only: run the check again with the sudo option (or as root)',
  },
  'tlsCert.unreadable': { fr: '{path} n’a pas pu être lu ({error}) : vérifiez le chemin', en: '{path} could not be read ({error}): check the path' },
  'tlsCert.badPem': {
    fr: '{path} ne contient pas de certificat PEM (-----BEGIN CERTIFICATE-----) : vérifiez le fichier (openssl x509 -in {path} -noout -text)',
    en: '{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----): check the file (openssl x509 -in {path} -noout -text)',
  },
  'tlsCert.badKey': { fr: '{path} ne contient pas de clé privée PEM lisible ({error})', en: '{path} holds no readable PEM private key ({error})' },
  'tlsCert.noHandshake': {
    fr: 'aucune négociation TLS avec {address} ({error}) : vérifiez que le service écoute en TLS sur ce port',
    en: 'no TLS handshake with {address} ({error}): check that the service listens with TLS on this port',
  },
  'tlsCert.keyMismatch': {
    fr: 'la clé {key} ne correspond pas au certificat : regénérez le certificat avec cette clé, ou pointez vers la bonne clé',
    en: 'key {key} does not match the certificate: regenerate the certificate with this key, or point to the right key',
  },
  'tlsCert.trustNeedsAddress': {
    fr: '`trusted` ne s’évalue que sur un point d’accès (address), pas sur un fichier',
    en: '`trusted` is evaluated on an endpoint (address) only, not on a file',
  },
  'tlsCert.untrusted': {
    fr: 'la cible ne fait pas confiance au certificat de {address} ({error}) : installez la chaîne de l’AC ou vérifiez le nom',
    en: 'the target does not trust the certificate of {address} ({error}): install the CA chain or check the name',
  },
  'tlsCert.trustedAnyway': {
    fr: 'la cible fait confiance au certificat de {address}, contrairement à l’attendu',
    en: 'the target trusts the certificate of {address}, unlike expected',
  },
});
