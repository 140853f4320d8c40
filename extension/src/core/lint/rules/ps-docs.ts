import { descendants } from '../ast';
import { nodeOfTypeAt } from './ps-util';
import type { Rule } from '../types';

/** PowerShell documentation and reuse rules: comment-based help, CmdletBinding/param. */
export const psDocs: Rule[] = [
  {
    code: 'TSSR-P001', alias: 'PSProvideCommentHelp', language: 'powershell', severity: 'warning', critere: 'CP11.4',
    title: { fr: 'Aide intégrée absente (.SYNOPSIS, .DESCRIPTION, .EXAMPLE)', en: 'No comment-based help (.SYNOPSIS, .DESCRIPTION, .EXAMPLE)' },
    explanation: {
      fr: 'Critère « Les scripts sont documentés » : un bloc <# … #> en tête avec .SYNOPSIS, .DESCRIPTION et .EXAMPLE rend l’aide disponible par « Get-Help .\\script.ps1 », comme pour une cmdlet.',
      en: 'Critère "scripts are documented": a <# … #> block at the top with .SYNOPSIS, .DESCRIPTION and .EXAMPLE makes help available through "Get-Help .\\script.ps1", as for a cmdlet.',
    },
    check(ctx) {
      const open = ctx.text.indexOf('<#');
      const help = open < 0 ? undefined : nodeOfTypeAt(ctx.root, open, 'comment') ?? undefined;
      const missing = ['.SYNOPSIS', '.DESCRIPTION', '.EXAMPLE'].filter((k) => !help || !new RegExp(`^\\s*\\${k}\\b`, 'im').test(help.text));
      if (!missing.length) return;
      ctx.report(help ?? { startIndex: 0, endIndex: Math.max(0, ctx.text.indexOf('\n')) }, { fr: `Aide intégrée incomplète : il manque ${missing.join(', ')}`, en: `Comment-based help incomplete: missing ${missing.join(', ')}` },
        help ? undefined : { title: { fr: 'Insérer un bloc d’aide à compléter', en: 'Insert a help block to fill in' }, edits: [{ start: 0, end: 0, newText: '<#\n.SYNOPSIS\n  <résumé>\n.DESCRIPTION\n  <description>\n.EXAMPLE\n  .\\script.ps1 -Param valeur\n#>\n' }] });
    },
  },
  {
    code: 'TSSR-P013', alias: 'PSUseCmdletBindingAttribute', language: 'powershell', severity: 'info', critere: 'CCS4.2',
    title: { fr: 'Script sans [CmdletBinding()] ni param()', en: 'Script without [CmdletBinding()] and param()' },
    explanation: {
      fr: 'Un script réutilisable déclare ses paramètres dans « [CmdletBinding()] param(…) » : noms, types, valeurs obligatoires, et -Verbose/-WhatIf gratuits. « $args » ne documente rien.',
      en: 'A reusable script declares its parameters in "[CmdletBinding()] param(…)": names, types, mandatory values, and -Verbose/-WhatIf for free. "$args" documents nothing.',
    },
    check(ctx) {
      const top = ctx.root.namedChildren.find((n) => n.type === 'param_block');
      const usesArgs = /\$args\b/i.test(ctx.text) ? descendants(ctx.root, ['variable']).find((v) => v.text.toLowerCase() === '$args') : undefined;
      if (top && /\[\s*CmdletBinding/i.test(top.text)) return;
      const where = usesArgs ?? top ?? { startIndex: 0, endIndex: Math.max(0, ctx.text.indexOf('\n')) };
      const message = top
        ? { fr: 'Le bloc param() n’a pas [CmdletBinding()]', en: 'The param() block has no [CmdletBinding()]' }
        : { fr: usesArgs ? 'Le script lit $args : déclarez plutôt [CmdletBinding()] param(…)' : 'Le script n’a pas de [CmdletBinding()] param(…)', en: usesArgs ? 'The script reads $args: declare [CmdletBinding()] param(…) instead' : 'The script has no [CmdletBinding()] param(…)' };
      ctx.report(where, message, top ? { title: { fr: 'Ajouter [CmdletBinding()]', en: 'Add [CmdletBinding()]' }, edits: [{ start: top.startIndex, end: top.startIndex, newText: '[CmdletBinding()]\n' }] } : undefined);
    },
  },
];
