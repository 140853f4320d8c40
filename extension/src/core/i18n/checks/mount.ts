import { defineEntries } from '../define';

/** Reasons of the `mount` check. */
export const mount = defineEntries({
  'mount.unreadable': { fr: 'Impossible de lire la table des montages {path} ({error})', en: 'Cannot read the mount table {path} ({error})' },
  'mount.notMounted': {
    fr: 'Rien n’est monté sur {mountPoint} : montez-le (mount, ou une ligne dans /etc/fstab puis mount -a)',
    en: 'Nothing is mounted on {mountPoint}: mount it (mount, or a line in /etc/fstab then mount -a)',
  },
  'mount.statfsFailed': { fr: 'Impossible de lire l’occupation de {mountPoint} ({error})', en: 'Cannot read the space used on {mountPoint} ({error})' },
});
