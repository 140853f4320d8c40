import { defineEntries } from '../define';

/** Reasons of the `log` check. */
export const log = defineEntries({
  'log.noListener': {
    fr: 'Rien n’écoute sur {host} port {port}/{protocol} : démarrez le serveur syslog et ouvrez ce port (rsyslog : module imudp ou imtcp)',
    en: 'Nothing listens on {host} port {port}/{protocol}: start the syslog server and open that port (rsyslog: imudp or imtcp module)',
  },
  'log.toolMissing': {
    fr: '{tool} est absent de la cible : installez le paquet qui le fournit (bsdutils, systemd)',
    en: '{tool} is missing on the target: install the package that provides it (bsdutils, systemd)',
  },
  'log.sendFailed': { fr: 'logger n’a pas pu envoyer le message : {detail}', en: 'logger could not send the message: {detail}' },
  'log.needsRoot': {
    fr: 'Lire {source} demande les droits root ou le groupe adm ({error}) : relancez avec l’option sudo ou en tant que root',
    en: 'Reading {source} needs root or the adm group ({error}): run again with the sudo option or as root',
  },
  'log.unreadable': { fr: 'Impossible de lire {source} ({error}) : vérifiez le chemin', en: 'Cannot read {source} ({error}): check the path' },
  'log.noLine': {
    fr: 'Aucune ligne de {source} écrite depuis le début de la vérification ne correspond à {pattern}',
    en: 'No line of {source} written since the check started matches {pattern}',
  },
  'log.notLanded': {
    fr: 'Le message envoyé n’est pas arrivé dans {source} en {withinMs} ms : vérifiez la règle de réception et le fichier de destination',
    en: 'The message sent did not reach {source} within {withinMs} ms: check the receiving rule and the destination file',
  },
  'log.unwantedLine': {
    fr: 'Une ligne de {source} correspond à {pattern} alors qu’elle ne devrait pas : {line}',
    en: 'A line of {source} matches {pattern} although none should: {line}',
  },
});
