import { defineEntries } from './define';

/** Writing packs in the editor: completion, hovers and snippets of exercise.yaml and pack.yaml. */
export const authoringTexts = defineEntries({
  'authoring.checkType': { fr: 'type de vérification', en: 'check type' },
  'authoring.critere': { fr: 'critère {0} · compétence {1}', en: 'critère {0} · competence {1}' },
  'authoring.competence': { fr: 'compétence {0} · bloc {1}', en: 'competence {0} · block {1}' },
  'authoring.critereHover': {
    fr: '**{0}** — {1}\n\nCompétence **{2}** : {3} (bloc {4})\n\nJugé : {5}',
    en: '**{0}** — {1}\n\nCompetence **{2}**: {3} (block {4})\n\nJudged: {5}',
  },
  'authoring.competenceHover': {
    fr: '**{0}** — {1} (bloc {2})\n\n{3} critères : {4}',
    en: '**{0}** — {1} (block {2})\n\n{3} critères: {4}',
  },
  'authoring.unknownId': {
    fr: '**{0}** n’est pas un identifiant du référentiel TSSR : choisissez-en un dans la complétion (Ctrl+Espace).',
    en: '**{0}** is not an id of the TSSR référentiel: pick one from the completion (Ctrl+Space).',
  },
  'authoring.check.auto': { fr: 'par une vérification de la cible', en: 'by a check of the target' },
  'authoring.check.evidence': { fr: 'sur preuves recueillies, par une personne', en: 'on gathered evidence, by a person' },
  'authoring.check.jury': { fr: 'par le jury seulement', en: 'by the jury only' },
  'authoring.snippet.exercise': { fr: 'Exercice TSSR (squelette complet)', en: 'TSSR exercise (full skeleton)' },
  'authoring.snippet.critere': { fr: 'Critère avec indices et une vérification', en: 'Critère with hints and one check' },
  'authoring.snippet.check': { fr: 'Vérification « {0} » (exemple du schéma)', en: '"{0}" check (the schema’s example)' },
  'authoring.snippet.pack': { fr: 'Pack d’exercices (squelette)', en: 'Exercise pack (skeleton)' },
  'authoring.default': { fr: 'par défaut', en: 'default' },
});
