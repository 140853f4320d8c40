import { defineEntries } from '../define';

/** Reasons of the `script` check. */
export const script = defineEntries({
  'script.missing': {
    fr: 'Le script {script} n’existe pas : créez-le (et listez-le dans workspaceFiles s’il vient de l’exercice)',
    en: 'Script {script} does not exist: create it (and list it in workspaceFiles if it comes from the exercise)',
  },
  'script.outsideWorkspace': {
    fr: 'Le chemin {script} sort du dossier de l’exercice : donnez un chemin relatif sans « .. », ou un chemin absolu sur la cible',
    en: 'Path {script} leaves the exercise folder: give a relative path without "..", or an absolute path on the target',
  },
  'script.unreadable': {
    fr: 'Le script {script} ne peut pas être lu ({error}) : vérifiez ses droits, ou lancez la vérification avec --sudo',
    en: 'Script {script} cannot be read ({error}): check its permissions, or run the check with --sudo',
  },
  'script.notFile': {
    fr: '{script} n’est pas un fichier ordinaire : indiquez le fichier du script',
    en: '{script} is not a regular file: name the script file',
  },
  'script.tooLarge': {
    fr: 'Le script {script} fait {size} octets, au-delà de la limite de {limit} : un script d’exercice tient en moins',
    en: 'Script {script} is {size} bytes, over the {limit} limit: an exercise script fits in less',
  },
  'script.fixtureOutside': {
    fr: 'Le fichier de départ {path} sortirait du bac à sable : donnez un chemin relatif sans « .. »',
    en: 'Fixture {path} would leave the sandbox: give a relative path without ".."',
  },
  'script.fixtureFailed': {
    fr: 'Le fichier de départ {path} n’a pas pu être préparé ({error}) : vérifiez qu’il existe dans l’exercice ou sur la cible',
    en: 'Fixture {path} could not be prepared ({error}): check that it exists in the exercise or on the target',
  },
  'script.needsRoot': {
    fr: 'Lancer le script en tant que {user} demande les droits root, que l’agent n’a pas : relancez avec --sudo (ou en root)',
    en: 'Running the script as {user} needs root, which the agent lacks: run again with --sudo (or as root)',
  },
  'script.unknownUser': {
    fr: 'L’utilisateur {user} (runAs) n’existe pas sur la cible : créez-le ou corrigez runAs',
    en: 'User {user} (runAs) does not exist on the target: create it or fix runAs',
  },
  'script.sandboxFailed': {
    fr: 'Le bac à sable du script n’a pas pu être préparé ({error}) : vérifiez l’espace libre dans /tmp',
    en: 'The script sandbox could not be prepared ({error}): check the free space in /tmp',
  },
  'script.spawnFailed': {
    fr: 'Impossible de lancer {program} ({error}) : vérifiez la ligne #! du script ou l’interpréteur indiqué',
    en: 'Cannot start {program} ({error}): check the script’s #! line or the interpreter given',
  },
  'script.outputTruncated': {
    fr: '{property} : sortie tronquée à {limit} octets, le reste peut changer le verdict : faites écrire moins au script',
    en: '{property}: output cut at {limit} bytes, the rest may change the verdict: make the script write less',
  },
  'script.notCreated': { fr: 'Le script n’a pas créé {path} dans son dossier de travail', en: 'The script did not create {path} in its working folder' },
  'script.createdUnreadable': { fr: '{path} a été créé mais ne peut pas être lu ({detail})', en: '{path} was created but cannot be read ({detail})' },
  'script.exitChanged': {
    fr: 'Non idempotent : le premier lancement sort avec {first}, le second avec {second} ; un second lancement doit réussir de la même façon',
    en: 'Not idempotent: the first run exits with {first}, the second with {second}; a second run must end the same way',
  },
  'script.treeChanged': {
    fr: 'Non idempotent : le second lancement change {count} fichier(s), d’abord {path} ({what}) ; testez l’existence avant de créer ou d’ajouter',
    en: 'Not idempotent: the second run changes {count} file(s), first {path} ({what}); test for existence before creating or appending',
  },
});
