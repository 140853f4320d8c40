import { defineEntries } from '../define';

/** Reasons of the run itself: a check's timeout or crash, and why the agent refused a request (fatal lines). */
export const run = defineEntries({
  'run.timeout': { fr: 'Délai dépassé après {timeoutMs} ms : la vérification a été interrompue', en: 'Timed out after {timeoutMs} ms: the check was stopped' },
  'run.crashed': { fr: 'La vérification a échoué : {error}', en: 'The check failed: {error}' },
  'run.unknownType': {
    fr: 'Type de vérification inconnu « {type} » ; cet agent connaît : {known}. Mettez l’extension à jour ou corrigez le type',
    en: 'Unknown check type "{type}"; this agent supports: {known}. Update the extension or fix the type',
  },
  'run.badTimeout': { fr: 'timeoutMs doit être un entier entre 1 et {max}, reçu {actual}', en: 'timeoutMs must be an integer from 1 to {max}, got {actual}' },
  'request.none': { fr: 'Aucune demande reçue sur l’entrée standard de l’agent', en: 'No run request received on stdin' },
  'request.tooLarge': {
    fr: 'La demande dépasse {limit} octets (au moins {bytes} lus) : envoyez moins de fichiers de travail, ou des fichiers plus petits',
    en: 'The request line exceeds {limit} bytes (at least {bytes} read): send fewer or smaller workspace files',
  },
  'request.badJson': { fr: 'La demande n’est pas du JSON valide : {error}', en: 'The request is not valid JSON: {error}' },
  'request.notRun': { fr: 'Un objet JSON avec "event": "run" était attendu', en: 'Expected a JSON object with "event": "run"' },
  'request.protocolMismatch': {
    fr: 'Le protocole {actual} n’est pas pris en charge ; cet agent parle la version {expected}. Mettez à jour l’extension ou l’agent pour qu’ils correspondent',
    en: 'Protocol {actual} is not supported; this agent speaks {expected}. Update the extension or the agent so they match',
  },
  'request.badRunId': { fr: '"runId" doit être un texte', en: '"runId" must be a string' },
  'request.badLang': { fr: '"lang" doit valoir "fr" ou "en", reçu {actual}', en: '"lang" must be "fr" or "en", got {actual}' },
  'request.badInteger': {
    fr: '"{key}" doit être un entier de {min} à {max}, reçu {actual}',
    en: '"{key}" must be an integer from {min} to {max}, got {actual}',
  },
  'request.badCriteria': { fr: '"criteria" doit être une liste', en: '"criteria" must be an array' },
  'request.badCriterion': { fr: 'criteria[{index}] doit être {id: texte, checks: objets[]}', en: 'criteria[{index}] must be {id: string, checks: object[]}' },
  'request.badCheckIndexes': {
    fr: 'criteria[{index}].checkIndexes doit être une liste d’entiers positifs ou nuls',
    en: 'criteria[{index}].checkIndexes must be an array of non-negative integers',
  },
  'request.workspaceNotArray': {
    fr: '"workspace" doit être une liste de {path, contentBase64, mode?}',
    en: '"workspace" must be an array of {path, contentBase64, mode?}',
  },
  'request.workspaceTooMany': {
    fr: 'l’espace de travail compte {count} fichiers ; la limite est {limit}',
    en: 'the workspace has {count} files; the limit is {limit}',
  },
  'request.workspaceEntry': { fr: '{at} doit être un objet {path, contentBase64, mode?}', en: '{at} must be an object {path, contentBase64, mode?}' },
  'request.workspaceNoPath': { fr: '{at}.path doit être un texte non vide', en: '{at}.path must be a non-empty string' },
  'request.workspaceNul': { fr: '{at}.path contient un caractère NUL : retirez-le', en: '{at}.path contains a NUL byte: remove it' },
  'request.workspaceAbsolute': {
    fr: '{at}.path « {path} » est absolu ; donnez un chemin relatif à l’espace de travail',
    en: '{at}.path "{path}" is absolute; give a path relative to the workspace',
  },
  'request.workspaceDotDot': { fr: '{at}.path « {path} » sort du dossier de travail (« .. »)', en: '{at}.path "{path}" leaves the workspace folder ("..")' },
  'request.workspaceBase64': { fr: '{at}.contentBase64 doit être un texte en base64', en: '{at}.contentBase64 must be a base64 string' },
  'request.workspaceMode': { fr: '{at}.mode doit être un mode de fichier entier (0 à 0o7777)', en: '{at}.mode must be an integer file mode (0 to 0o7777)' },
  'request.workspaceTooLarge': {
    fr: 'les fichiers de travail dépassent {limit} octets ; envoyez moins de fichiers, ou des fichiers plus petits',
    en: 'the workspace files exceed {limit} bytes; send fewer or smaller files',
  },
  'request.workspaceEscapes': { fr: 'le chemin de travail {path} sort du dossier', en: 'workspace path escapes the folder: {path}' },
  'request.workspaceWrite': { fr: 'impossible d’écrire le fichier de travail {path} : {error}', en: 'cannot write workspace file {path}: {error}' },
  'request.internal': { fr: 'Erreur interne de l’agent : {error}', en: 'Internal agent error: {error}' },
  'request.stoppedBySignal': {
    fr: 'L’agent a été arrêté par {signal} ; son dossier de travail temporaire a été supprimé',
    en: 'The agent was stopped by {signal}; its temporary workspace was removed',
  },
  'request.stoppedByClient': {
    fr: 'L’agent a été arrêté par son client ; son dossier de travail temporaire a été supprimé',
    en: 'The agent was stopped by its client; its temporary workspace was removed',
  },
});
