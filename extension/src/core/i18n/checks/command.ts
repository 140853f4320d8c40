import { defineEntries } from '../define';

/** Reasons of the `command` check. */
export const command = defineEntries({
  'command.spawnFailed': {
    fr: 'Impossible de lancer {program} : {error} ; vérifiez que le programme est installé et dans le PATH',
    en: 'Cannot start {program}: {error}; check that the program is installed and in the PATH',
  },
});
