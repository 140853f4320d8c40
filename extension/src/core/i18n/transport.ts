import { defineEntries } from './define';

/** The local transports (agent process or worker thread) and the SSH deploy's last resort. */
export const transport = defineEntries({
  'transport.agentMissing': {
    fr: 'Agent introuvable : {0}. Construisez-le avec « npm run build » (ou réinstallez TSSR Lab).',
    en: 'Agent not found: {0}. Build it with "npm run build" (or reinstall TSSR Lab).',
  },
  'transport.spawnFailed': {
    fr: 'Impossible de lancer l’agent avec {0} : {1}. Vérifiez que Node.js est installé et exécutable.',
    en: 'Cannot start the agent with {0}: {1}. Check that Node.js is installed and executable.',
  },
  'transport.agentStillMissing': {
    fr: 'l’agent est toujours absent après sa copie',
    en: 'the agent is still missing after its upload',
  },
});
