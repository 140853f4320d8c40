import { texts } from '../../i18n';
import { descendants } from '../ast';
import { nodeOfTypeAt } from './ps-util';
import type { Rule } from '../types';

/** PowerShell documentation and reuse rules: comment-based help, CmdletBinding/param. */
export const psDocs: Rule[] = [
  {
    code: 'TSSR-P001',
    alias: 'PSProvideCommentHelp',
    language: 'powershell',
    severity: 'warning',
    critere: 'CP11.4',
    title: texts('lint.P001.title'),
    explanation: texts('lint.P001.explanation'),
    check(ctx) {
      const open = ctx.text.indexOf('<#');
      const help = open < 0 ? undefined : (nodeOfTypeAt(ctx.root, open, 'comment') ?? undefined);
      const missing = ['.SYNOPSIS', '.DESCRIPTION', '.EXAMPLE'].filter((k) => !help || !new RegExp(`^\\s*\\${k}\\b`, 'im').test(help.text));
      if (!missing.length) return;
      ctx.report(
        help ?? { startIndex: 0, endIndex: Math.max(0, ctx.text.indexOf('\n')) },
        texts('lint.P001.message', missing.join(', ')),
        help
          ? undefined
          : {
              title: texts('lint.P001.fix'),
              edits: [{ start: 0, end: 0, newText: '<#\n.SYNOPSIS\n  <résumé>\n.DESCRIPTION\n  <description>\n.EXAMPLE\n  .\\script.ps1 -Param valeur\n#>\n' }],
            },
      );
    },
  },
  {
    code: 'TSSR-P013',
    alias: 'PSUseCmdletBindingAttribute',
    language: 'powershell',
    severity: 'info',
    critere: 'CCS4.2',
    title: texts('lint.P013.title'),
    explanation: texts('lint.P013.explanation'),
    check(ctx) {
      const top = ctx.root.namedChildren.find((n) => n.type === 'param_block');
      const usesArgs = /\$args\b/i.test(ctx.text) ? descendants(ctx.root, ['variable']).find((v) => v.text.toLowerCase() === '$args') : undefined;
      if (top && /\[\s*CmdletBinding/i.test(top.text)) return;
      const where = usesArgs ?? top ?? { startIndex: 0, endIndex: Math.max(0, ctx.text.indexOf('\n')) };
      const message = top ? texts('lint.P013.message') : texts(usesArgs ? 'lint.P013.messageArgs' : 'lint.P013.messageNoParam');
      ctx.report(
        where,
        message,
        top ? { title: texts('lint.P013.fix'), edits: [{ start: top.startIndex, end: top.startIndex, newText: '[CmdletBinding()]\n' }] } : undefined,
      );
    },
  },
];
