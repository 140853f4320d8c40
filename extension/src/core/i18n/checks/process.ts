import { defineEntries } from '../define';

/** Reasons of the `process` check. */
export const processes = defineEntries({
  'process.notRunning': { fr: 'Aucun processus « {comm} » ne tourne', en: 'No process "{comm}" is running' },
  'process.readFailed': { fr: 'lecture des processus dans /proc impossible : {error}', en: 'cannot read the processes in /proc: {error}' },
});
