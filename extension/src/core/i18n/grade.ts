import { defineEntries } from './define';

/** Room grading: inventories, hosts, run folders. */
export const grade = defineEntries({
  'grade.badId': {
    fr: "{0} : l'identifiant de candidat « {1} » ne convient pas. Utilisez des lettres, des chiffres, « . », « _ » ou « - » (il nomme les fichiers du dossier d'évaluation).",
    en: '{0}: the candidate id "{1}" is not usable. Use letters, digits, ".", "_" or "-" (it names the run folder\'s files).',
  },
  'grade.duplicateId': {
    fr: "{0} : le candidat « {1} » figure deux fois. Chaque machine n'est évaluée qu'une fois par session : donnez-lui un identifiant unique.",
    en: '{0}: candidate "{1}" appears twice. Each machine is graded once per run: give it a unique id.',
  },
  'grade.badYaml': {
    fr: "{0} : l'inventaire n'est pas un YAML lisible ({1}). Corrigez le fichier, puis relancez.",
    en: '{0}: the inventory is not readable YAML ({1}). Fix the file, then run again.',
  },
  'grade.rosterEntry': {
    fr: "{0} : le candidat n° {1} de « candidates » n'a pas de « host ». Indiquez au moins « host: » (et « id: », « name: »).",
    en: '{0}: candidate #{1} of "candidates" has no "host". Give at least "host:" (and "id:", "name:").',
  },
  'grade.unknownFormat': {
    fr: "{0} : format d'inventaire inconnu. Attendu : une liste TSSR Lab (« candidates: »), un inventaire Ansible (INI ou YAML) ou un fichier ~/.ssh/config.",
    en: '{0}: unknown inventory format. Expected a TSSR Lab roster ("candidates:"), an Ansible inventory (INI or YAML) or an ~/.ssh/config file.',
  },
});
