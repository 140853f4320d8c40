import { defineEntries } from '../define';

/** Reasons of the `service` check. */
export const service = defineEntries({
  'service.noSystemd': {
    fr: 'systemd n’est pas le système d’init de cette cible (PID 1) : l’état d’un service ne peut pas être lu ; vérifiez sur une VM ou un conteneur démarré par systemd',
    en: 'systemd is not this target\'s init system (PID 1): a service state cannot be read; check on a VM or container booted by systemd',
  },
  'service.systemctlFailed': { fr: 'systemctl show {name} a échoué : {error}', en: 'systemctl show {name} failed: {error}' },
  'service.notActive': { fr: 'le service {name} n’est pas actif', en: 'service {name} is not active' },
});
