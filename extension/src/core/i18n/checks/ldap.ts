import { defineEntries } from '../define';

/** Reasons of the `ldap` check. */
export const ldap = defineEntries({
  'ldap.noSuchBase': {
    fr: 'La base {base} n’existe pas dans l’annuaire {uri} (plus proche existante : {matched}) : créez-la ou corrigez `base`',
    en: 'Base {base} does not exist in directory {uri} (closest existing: {matched}): create it or fix `base`',
  },
  'ldap.bindFailed': {
    fr: 'L’annuaire {uri} refuse la connexion de {bindDn} ({detail}) : vérifiez le DN et le mot de passe',
    en: 'Directory {uri} refuses the bind of {bindDn} ({detail}): check the DN and the password',
  },
  'ldap.unreachable': {
    fr: 'Impossible de joindre l’annuaire {uri} ({detail}) : vérifiez que slapd (ou le DC) tourne et écoute, et le pare-feu',
    en: 'Cannot reach directory {uri} ({detail}): check that slapd (or the DC) runs and listens, and the firewall',
  },
  'ldap.noClient': {
    fr: 'ldapsearch est absent de la cible : installez le paquet ldap-utils',
    en: 'ldapsearch is missing on the target: install the ldap-utils package',
  },
  'ldap.failed': { fr: 'La recherche dans {uri} ({base}, {filter}) a échoué : {error}', en: 'The search in {uri} ({base}, {filter}) failed: {error}' },
  'ldap.noEntry': { fr: 'aucune entrée {filter} sous {base}', en: 'no entry {filter} under {base}' },
  'ldap.member': { fr: '{dn} est membre de {group}', en: '{dn} is a member of {group}' },
  'ldap.notMember': {
    fr: '{dn} n’est pas membre de {group} : ajoutez-le au groupe (member, memberUid ou memberOf)',
    en: '{dn} is not a member of {group}: add it to the group (member, memberUid or memberOf)',
  },
});
