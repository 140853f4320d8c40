import { defineEntries } from '../define';

/** Reasons of the `http` check. */
export const http = defineEntries({
  'http.noResponse': { fr: 'pas de réponse HTTP de {url} : {error}', en: 'no HTTP response from {url}: {error}' },
  'http.untrustedCert': {
    fr: 'pas de réponse HTTP de {url} : {error} ; le certificat n’est pas reconnu : ajoutez allowInsecure: true pour un certificat auto-signé',
    en: 'no HTTP response from {url}: {error}; the certificate is not trusted: add allowInsecure: true for a self-signed certificate',
  },
  'http.badUrl': { fr: '« {url} » n’est pas une URL valide : écrivez-la complète, par exemple http://localhost/', en: '"{url}" is not a valid URL: write it in full, e.g. http://localhost/' },
  'http.tooManyRedirects': { fr: 'plus de {max} redirections depuis {url} : la page redirige en boucle', en: 'more than {max} redirects from {url}: the page redirects in a loop' },
  'http.badRedirect': { fr: 'redirection vers {url}, qui n’est ni http ni https', en: 'redirect to {url}, which is neither http nor https' },
  'http.noAnswer': { fr: 'aucune réponse de {url}', en: 'no response from {url}' },
});
