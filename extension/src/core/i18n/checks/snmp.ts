import { defineEntries } from '../define';

/** Reasons of the `snmp` check. */
export const snmp = defineEntries({
  'snmp.answered': { fr: 'L’agent SNMP {host}:{port} répond pour {oid} : {value}', en: 'SNMP agent {host}:{port} answers for {oid}: {value}' },
  'snmp.timeout': {
    fr: 'Aucune réponse SNMP v{version} de {host}:{port} pour {oid} : vérifiez que snmpd tourne et écoute sur cette adresse (agentAddress), la communauté ou l’utilisateur, et le pare-feu (udp/{port})',
    en: 'No SNMP v{version} answer from {host}:{port} for {oid}: check that snmpd runs and listens on that address (agentAddress), the community or user, and the firewall (udp/{port})',
  },
  'snmp.authFailed': {
    fr: 'L’agent SNMP {host}:{port} refuse l’utilisateur v3 {user} ({detail}) : vérifiez createUser et rouser dans snmpd.conf, et les mots de passe',
    en: 'SNMP agent {host}:{port} refuses v3 user {user} ({detail}): check createUser and rouser in snmpd.conf, and the passphrases',
  },
  'snmp.noSuchOid': {
    fr: 'L’agent SNMP {host}:{port} n’a pas de valeur pour {oid} ({exception}) : vérifiez l’OID et la vue (view) accordée à cette communauté ou cet utilisateur',
    en: 'SNMP agent {host}:{port} has no value for {oid} ({exception}): check the OID and the view granted to that community or user',
  },
  'snmp.noClient': {
    fr: 'SNMP v3 demande le client net-snmp sur la cible : installez le paquet snmp',
    en: 'SNMP v3 needs the net-snmp client on the target: install the snmp package',
  },
  'snmp.v3NeedsUser': { fr: 'Une vérification SNMP v3 doit donner `user` : ajoutez-le au critère', en: 'An SNMP v3 check needs `user`: add it to the critère' },
  'snmp.walkTooLong': {
    fr: 'Le parcours de {oid} dépasse {rows} lignes : choisissez un sous-arbre plus précis',
    en: 'The walk of {oid} exceeds {rows} rows: pick a narrower subtree',
  },
  'snmp.failed': { fr: 'La requête SNMP vers {host}:{port} a échoué : {error}', en: 'The SNMP request to {host}:{port} failed: {error}' },
});
