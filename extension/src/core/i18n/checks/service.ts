import { defineEntries } from '../define';

/** Reasons of the `service` check. */
export const service = defineEntries({
  'service.noInit': {
    fr: 'Ni systemd, ni OpenRC, ni scripts SysV (/etc/init.d) sur cette cible : l’état d’un service ne peut pas être lu ; vérifiez sur une VM ou un conteneur démarré par un système d’init',
    en: 'Neither systemd, OpenRC nor SysV scripts (/etc/init.d) on this target: a service state cannot be read; check on a VM or container booted by an init system',
  },
  'service.probeFailed': {
    fr: 'lecture de l’état du service {name} ({init}) impossible : {error}',
    en: 'cannot read the state of service {name} ({init}): {error}',
  },
  'service.systemdOnly': {
    fr: '{property} n’existe qu’avec systemd ; cette cible utilise {init} : retirez {property} de la vérification, ou vérifiez une cible systemd',
    en: '{property} exists with systemd only; this target uses {init}: drop {property} from the check, or check a systemd target',
  },
  'service.systemctlFailed': { fr: 'systemctl show {name} a échoué : {error}', en: 'systemctl show {name} failed: {error}' },
  'service.notActive': { fr: 'le service {name} n’est pas actif', en: 'service {name} is not active' },
});
