import { defineEntries } from './define';

/** A run of the agent: protocol, exits, interruptions. */
export const run = defineEntries({
  'run.protocolMajor': {
    fr: 'L’agent parle le protocole {0}, ce client attend {1}.x : mettez à jour TSSR Lab',
    en: 'The agent speaks protocol {0}, this client expects {1}.x: update TSSR Lab',
  },
  'run.badLine': {
    fr: 'Ligne invalide de l’agent : {0}',
    en: 'Invalid line from the agent: {0}',
  },
  'run.agentExit': {
    fr: 'L’agent s’est arrêté (code {0}) avant la fin{1}',
    en: 'The agent stopped (code {0}) before the end{1}',
  },
  'run.fatal': {
    fr: 'L’agent a refusé la demande ({0}) : {1}',
    en: 'The agent refused the request ({0}): {1}',
  },
  'run.interrupted': {
    fr: 'Exécution interrompue : {0}. Les résultats déjà reçus sont conservés.',
    en: 'Run interrupted: {0}. Results already received are kept.',
  },
  'run.lineTooLong': {
    fr: 'Ligne de l’agent trop longue ({0} octets) : ignorée',
    en: 'Agent line too long ({0} bytes): ignored',
  },
  'run.deadline': {
    fr: 'aucune fin de l’agent après {0} s (délai maximal de l’exécution, calculé d’après les délais des vérifications) ; la connexion a été coupée',
    en: "no end from the agent after {0} s (the run deadline, computed from the checks' timeouts); the connection was cut",
  },
});
