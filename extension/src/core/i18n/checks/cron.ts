import { defineEntries } from '../define';

/** Reasons of the `cron` check. */
export const cron = defineEntries({
  'cron.needsRoot': {
    fr: 'Les crontabs des utilisateurs ({paths}) ne sont lisibles que par root : relancez avec l’option sudo ou en tant que root',
    en: 'Users’ crontabs ({paths}) are readable by root only: run again with the sudo option or as root',
  },
  'cron.unreadable': { fr: 'Impossible de lire {paths} ({error}) : vérifiez ces chemins', en: 'Cannot read {paths} ({error}): check these paths' },
  'cron.noEntry': {
    fr: 'Aucune tâche planifiée ne correspond à {job} : ajoutez-la (crontab -e, /etc/cron.d ou un timer systemd)',
    en: 'No scheduled job matches {job}: add it (crontab -e, /etc/cron.d or a systemd timer)',
  },
  'cron.unwanted': { fr: 'La tâche {job} est encore planifiée ({sources}) : retirez-la', en: 'The job {job} is still scheduled ({sources}): remove it' },
});
