import { defineEntries } from '../define';

/** Titles, explanations, messages and fixes of the ps-docs lint rules, keyed by rule code. */
export const psDocsRules = defineEntries({
  'lint.P001.title': { fr: 'Aide intégrée absente (.SYNOPSIS, .DESCRIPTION, .EXAMPLE)', en: 'No comment-based help (.SYNOPSIS, .DESCRIPTION, .EXAMPLE)' },
  'lint.P001.explanation': {
    fr: 'Critère « Les scripts sont documentés » : un bloc <# … #> en tête avec .SYNOPSIS, .DESCRIPTION et .EXAMPLE rend l’aide disponible par « Get-Help .\\script.ps1 », comme pour une cmdlet.',
    en: 'Critère "scripts are documented": a <# … #> block at the top with .SYNOPSIS, .DESCRIPTION and .EXAMPLE makes help available through "Get-Help .\\script.ps1", as for a cmdlet.',
  },
  'lint.P001.message': { fr: 'Aide intégrée incomplète : il manque {0}', en: 'Comment-based help incomplete: missing {0}' },
  'lint.P001.fix': { fr: 'Insérer un bloc d’aide à compléter', en: 'Insert a help block to fill in' },
  'lint.P013.title': { fr: 'Script sans [CmdletBinding()] ni param()', en: 'Script without [CmdletBinding()] and param()' },
  'lint.P013.explanation': {
    fr: 'Un script réutilisable déclare ses paramètres dans « [CmdletBinding()] param(…) » : noms, types, valeurs obligatoires, et -Verbose/-WhatIf gratuits. « $args » ne documente rien.',
    en: 'A reusable script declares its parameters in "[CmdletBinding()] param(…)": names, types, mandatory values, and -Verbose/-WhatIf for free. "$args" documents nothing.',
  },
  'lint.P013.message': { fr: 'Le bloc param() n’a pas [CmdletBinding()]', en: 'The param() block has no [CmdletBinding()]' },
  'lint.P013.fix': { fr: 'Ajouter [CmdletBinding()]', en: 'Add [CmdletBinding()]' },
  'lint.P013.messageArgs': {
    fr: 'Le script lit $args : déclarez plutôt [CmdletBinding()] param(…)',
    en: 'The script reads $args: declare [CmdletBinding()] param(…) instead',
  },
  'lint.P013.messageNoParam': { fr: 'Le script n’a pas de [CmdletBinding()] param(…)', en: 'The script has no [CmdletBinding()] param(…)' },
});
