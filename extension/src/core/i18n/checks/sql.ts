import { defineEntries } from '../define';

/** Reasons of the `sql` check. */
export const sql = defineEntries({
  'sql.ran': { fr: 'La requête s’exécute sur {engine} ({host}) : {rowCount} ligne(s)', en: 'The query runs on {engine} ({host}): {rowCount} row(s)' },
  'sql.authFailed': {
    fr: 'Le serveur {engine} {host} refuse l’utilisateur {user} ({detail}) : vérifiez l’utilisateur, son mot de passe et ses droits de connexion',
    en: 'The {engine} server {host} refuses user {user} ({detail}): check the user, its password and its connection rights',
  },
  'sql.unreachable': {
    fr: 'Impossible de joindre le serveur {engine} {host}:{port} ({detail}) : vérifiez qu’il tourne et écoute à cette adresse, et le pare-feu',
    en: 'Cannot reach the {engine} server {host}:{port} ({detail}): check that it runs and listens on that address, and the firewall',
  },
  'sql.queryFailed': { fr: 'La requête a échoué sur {engine} (base {database}) : {error}', en: 'The query failed on {engine} (database {database}): {error}' },
  'sql.noClient': {
    fr: 'Le client {client} est absent de la cible : installez postgresql-client ou mariadb-client',
    en: 'The {client} client is missing on the target: install postgresql-client or mariadb-client',
  },
});
