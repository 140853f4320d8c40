import { defineEntries } from '../define';

/** Reasons of the `http` check. */
export const http = defineEntries({
  'http.noResponse': {
    fr: 'pas de réponse HTTP de {url} ({error}) : vérifiez que le serveur web tourne et écoute sur ce port',
    en: 'no HTTP response from {url} ({error}): check that the web server runs and listens on this port',
  },
  'http.untrustedCert': {
    fr: 'pas de réponse HTTP de {url} : certificat non reconnu ({error}) ; pour un certificat autosigné, ajoutez allowInsecure: true ou caFile',
    en: 'no HTTP response from {url}: untrusted certificate ({error}); for a self-signed certificate add allowInsecure: true or caFile',
  },
  'http.tooManyRedirects': {
    fr: 'plus de {max} redirections depuis {url} : cherchez une boucle de redirection dans la configuration du serveur',
    en: 'more than {max} redirects from {url}: look for a redirect loop in the server configuration',
  },
  'http.badRedirect': { fr: '{url} redirige hors de HTTP(S)', en: '{url} redirects outside HTTP(S)' },
  'http.caFileUnreadable': {
    fr: 'le fichier d’AC {path} n’a pas pu être lu ({error}) : vérifiez le chemin caFile',
    en: 'CA file {path} could not be read ({error}): check the caFile path',
  },
});
