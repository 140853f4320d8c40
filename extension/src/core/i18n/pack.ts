import { defineEntries } from './define';

/** Pack and exercise validation: structure, YAML limits, référentiel ids. */
export const pack = defineEntries({
  'pack.notFound': {
    fr: 'Aucun pack.yaml ni exercise.yaml dans {0} : donnez le dossier d’un exercice (qui contient exercise.yaml) ou d’un pack (qui contient pack.yaml)',
    en: 'No pack.yaml or exercise.yaml in {0}: give an exercise folder (holding exercise.yaml) or a pack folder (holding pack.yaml)',
  },
  'pack.isPack': {
    fr: '{0} est un pack : donnez un de ses dossiers d’exercice ({1})',
    en: '{0} is a pack: give one of its exercise folders ({1})',
  },
  'pack.missingExerciseDir': {
    fr: 'Dossier d’exercice introuvable : {0} ; créez-le ou retirez-le de la liste exercises',
    en: 'Exercise folder not found: {0}; create it or remove it from the exercises list',
  },
  'pack.aliasBomb': {
    fr: 'Trop d’alias YAML (plus de {0} expansions) : remplacez les alias (*nom) par le contenu voulu',
    en: 'Too many YAML aliases (over {0} expansions): replace the aliases (*name) with the wanted content',
  },
  'pack.tooDeep': {
    fr: 'YAML trop imbriqué : réduisez la profondeur des listes et des objets',
    en: 'YAML nested too deeply: reduce the depth of lists and mappings',
  },
  'pack.controlChar': {
    fr: 'Caractère de contrôle {0} interdit dans un texte affiché : retirez-le',
    en: 'Control character {0} not allowed in a displayed text: remove it',
  },
  'pack.emptyProgram': {
    fr: 'Programme vide dans exec : le premier élément nomme le programme à lancer, par exemple [bash, script.sh]',
    en: 'Empty program in exec: the first item names the program to run, e.g. [bash, script.sh]',
  },
  'pack.yamlSyntax': {
    fr: 'YAML invalide : {0}',
    en: 'Invalid YAML: {0}',
  },
  'pack.notFinite': {
    fr: 'la valeur {0} n’est pas un nombre fini : écrivez un nombre (par exemple 2)',
    en: 'the value {0} is not a finite number: write a number (for example 2)',
  },
  'pack.unknownCompetence': {
    fr: 'Compétence inconnue « {0} » : utilisez un identifiant du référentiel TSSR (CP1…CP15, CCS1…CCS5)',
    en: 'Unknown competence "{0}": use a TSSR référentiel id (CP1…CP15, CCS1…CCS5)',
  },
  'pack.unknownCritere': {
    fr: 'Critère du référentiel inconnu « {0} »',
    en: 'Unknown référentiel critère "{0}"',
  },
  'pack.critereOutside': {
    fr: 'Le critère {0} relève de {1}, qui n’est pas dans les compétences de l’exercice',
    en: 'Critère {0} belongs to {1}, which is not among the exercise competences',
  },
  'pack.duplicateCriterion': {
    fr: 'Identifiant de critère en double « {0} »',
    en: 'Duplicate criterion id "{0}"',
  },
  'pack.missingFile': {
    fr: 'Fichier introuvable : {0}',
    en: 'File not found: {0}',
  },
  'pack.duplicateExercise': {
    fr: 'Identifiant d’exercice en double « {0} »',
    en: 'Duplicate exercise id "{0}"',
  },
  'pack.unknownCheckType': {
    fr: 'Type de vérification inconnu « {0} » ; types connus : {1}',
    en: 'Unknown check type "{0}"; known types: {1}',
  },
  'pack.notYamlObject': {
    fr: 'Le document doit être un objet YAML',
    en: 'The document must be a YAML mapping',
  },
});
