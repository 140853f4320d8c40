import { defineEntries } from '../define';

/** Reasons of the `firewall` check. */
export const firewall = defineEntries({
  'firewall.allowed': {
    fr: 'Le port {port}/{protocol} depuis {from} est accepté (règle : {rule})',
    en: 'Port {port}/{protocol} from {from} is accepted (rule: {rule})',
  },
  'firewall.notAllowed': {
    fr: 'Le port {port}/{protocol} depuis {from} est refusé ({verdict}) par « {rule} » : ajoutez une règle qui l’accepte avant celle-ci',
    en: 'Port {port}/{protocol} from {from} is refused ({verdict}) by "{rule}": add a rule accepting it before that one',
  },
  'firewall.denied': {
    fr: 'Le port {port}/{protocol} depuis {from} est bloqué ({verdict}) par « {rule} »',
    en: 'Port {port}/{protocol} from {from} is blocked ({verdict}) by "{rule}"',
  },
  'firewall.notDenied': {
    fr: 'Le port {port}/{protocol} depuis {from} est accepté par « {rule} » : retirez cette règle ou bloquez le port avant elle',
    en: 'Port {port}/{protocol} from {from} is accepted by "{rule}": remove that rule or block the port before it',
  },
  'firewall.badSource': {
    fr: 'La source « {source} » n’est ni une adresse ni un réseau CIDR : écrivez par exemple 192.168.10.0/24',
    en: 'Source "{source}" is neither an address nor a CIDR network: write e.g. 192.168.10.0/24',
  },
  'firewall.natFound': { fr: 'Traduction d’adresse source trouvée : {rule}', en: 'Source address translation found: {rule}' },
  'firewall.natMissing': {
    fr: 'Aucune règle masquerade ni snat en sortie de {outInterface} pour la source {source} : ajoutez-la dans la chaîne postrouting de la table nat',
    en: 'No masquerade or snat rule out of {outInterface} for source {source}: add one to the nat table’s postrouting chain',
  },
  'firewall.forwardFound': { fr: 'Le port {port}/{protocol} est redirigé vers {to} : {rule}', en: 'Port {port}/{protocol} is forwarded to {to}: {rule}' },
  'firewall.forwardMissing': {
    fr: 'Aucune redirection (dnat) du port {port}/{protocol} vers {to} : ajoutez-la dans la chaîne prerouting de la table nat',
    en: 'No forward (dnat) of port {port}/{protocol} to {to}: add one to the nat table’s prerouting chain',
  },
  'firewall.needsRoot': {
    fr: 'Lire le pare-feu demande les droits root ({tool} : {detail}) : relancez avec l’option sudo ou en root',
    en: 'Reading the firewall needs root ({tool}: {detail}): run again with the sudo option or as root',
  },
  'firewall.readFailed': { fr: '{tool} a échoué : {error}', en: '{tool} failed: {error}' },
  'firewall.noTool': {
    fr: 'Ni nft, ni iptables, ni ufw n’est installé sur la cible : installez nftables',
    en: 'Neither nft, iptables nor ufw is installed on the target: install nftables',
  },
});
