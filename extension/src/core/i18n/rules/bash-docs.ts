import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the bash-docs lint rules, keyed by rule code. */
export const bashDocsRules = defineEntries({
  'lint.B001.title': { fr: 'Shebang manquant', en: 'Missing shebang' },
  'lint.B001.explanation': {
    fr: 'Sans « #!/usr/bin/env bash » en première ligne, le script est lancé par le shell de l’appelant (souvent sh), qui ne comprend pas tout bash. Un script diffusable dit lui-même quel interpréteur l’exécute.',
    en: 'Without "#!/usr/bin/env bash" on the first line, the caller\'s shell (often sh) runs the script and may not understand bash. A script meant to be shared names its own interpreter.',
  },
  'lint.B001.message': { fr: 'Le script n’a pas de shebang (#!/usr/bin/env bash)', en: 'The script has no shebang (#!/usr/bin/env bash)' },
  'lint.B001.fix': { fr: 'Ajouter « #!/usr/bin/env bash »', en: 'Add "#!/usr/bin/env bash"' },
  'lint.B002.title': { fr: 'En-tête de documentation incomplet', en: 'Incomplete documentation header' },
  'lint.B002.explanation': {
    fr: 'Critère « Les scripts sont documentés » : un commentaire en tête dit à quoi sert le script, comment l’appeler (Usage), qui l’a écrit et quand. C’est ce que lit un collègue avant de le lancer.',
    en: 'Critère "scripts are documented": a header comment says what the script does, how to call it (Usage), who wrote it and when. It is what a colleague reads before running it.',
  },
  'lint.B002.fix': { fr: 'Insérer un en-tête à compléter', en: 'Insert a header to fill in' },
  'lint.B003.title': { fr: 'Pas d’aide ni de contrôle des arguments', en: 'No help and no argument check' },
  'lint.B003.explanation': {
    fr: 'Un script qui prend des arguments doit répondre à -h/--help par son usage et refuser un mauvais nombre d’arguments (test de « $# », message sur stderr, code de sortie non nul). Sinon il échoue plus loin avec une erreur obscure.',
    en: 'A script that takes arguments should answer -h/--help with its usage and refuse a wrong argument count (test "$#", message on stderr, non-zero exit). Otherwise it fails later with an obscure error.',
  },
  'lint.B002.message': { fr: 'En-tête incomplet : il manque {0}', en: 'Incomplete header: missing {0}' },
  'lint.B002.description': { fr: 'la description', en: 'a description' },
  'lint.B002.usage': { fr: 'l’usage (Usage)', en: 'the usage (Usage)' },
  'lint.B002.author': { fr: 'l’auteur et la date', en: 'the author and date' },
  'lint.B003.message': { fr: 'Arguments utilisés sans {0}', en: 'Arguments used without {0}' },
  'lint.B003.help': { fr: 'aide -h/--help', en: '-h/--help' },
  'lint.B003.count': { fr: 'contrôle de leur nombre ($#)', en: 'a count check ($#)' },
  'lint.B003.nor': { fr: ' ni ', en: ' nor ' },
});
