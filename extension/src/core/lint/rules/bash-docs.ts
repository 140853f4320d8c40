import { joinTexts, sameText, texts } from '../../i18n';
import { afterFirstLine, descendants } from '../ast';
import type { Rule } from '../types';
import { commandArgs, commandsNamed, headerComments } from './bash-util';

const HEADER_TEMPLATE = '# Description : <ce que fait le script>\n# Usage       : <nom> [-h] ARGUMENTS\n# Auteur      : <nom>\n# Date        : <AAAA-MM-JJ>\n';

/** Documentation rules: shebang, header, usage. */
export const bashDocs: Rule[] = [
  {
    code: 'TSSR-B001',
    language: 'bash',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.B001.title'),
    explanation: texts('lint.B001.explanation'),
    check(ctx) {
      if (ctx.text.startsWith('#!')) return;
      ctx.report({ startIndex: 0, endIndex: afterFirstLine(ctx.text) - 1 }, texts('lint.B001.message'), {
        title: texts('lint.B001.fix'),
        edits: [{ start: 0, end: 0, newText: '#!/usr/bin/env bash\n' }],
      });
    },
  },
  {
    code: 'TSSR-B002',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.4',
    title: texts('lint.B002.title'),
    explanation: texts('lint.B002.explanation'),
    check(ctx) {
      const header = headerComments(ctx.root);
      const text = header.map((c) => c.text).join('\n');
      const missing: Array<'lint.B002.description' | 'lint.B002.usage' | 'lint.B002.author'> = [];
      if (header.filter((c) => c.text.replace(/^#+\s*/, '').length > 3).length < 1) missing.push('lint.B002.description');
      const takesArguments = descendants(ctx.root, ['simple_expansion', 'expansion']).some((e) => /^\$\{?([1-9@*#])/.test(e.text));
      if (takesArguments && !/usage|utilisation|syntaxe/i.test(text)) missing.push('lint.B002.usage');
      if (!/auteur|author|date|\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/i.test(text)) missing.push('lint.B002.author');
      if (!missing.length) return;
      const at = ctx.text.startsWith('#!') ? afterFirstLine(ctx.text) : 0;
      const node = header[0] ?? { startIndex: 0, endIndex: Math.max(0, at - 1) };
      ctx.report(
        node,
        texts(
          'lint.B002.message',
          joinTexts(
            missing.map((k) => texts(k)),
            sameText(', '),
          ),
        ),
        header.length ? undefined : { title: texts('lint.B002.fix'), edits: [{ start: at, end: at, newText: HEADER_TEMPLATE }] },
      );
    },
  },
  {
    code: 'TSSR-B003',
    language: 'bash',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.B003.title'),
    explanation: texts('lint.B003.explanation'),
    check(ctx) {
      const positional =
        descendants(ctx.root, ['simple_expansion', 'expansion']).find((e) => /^\$\{?([1-9@*]|#\}?$)/.test(e.text)) ??
        commandsNamed(ctx.root, ['shift', 'getopts'])[0];
      if (!positional) return;
      // Text searches, comments left out: cheaper than visiting every word of the tree.
      const code = ctx.text.replace(/^\s*#.*$/gm, '');
      const hasHelp =
        /(^|[\s|("'])(-h|--help)(?=[\s|)"']|$)/m.test(code) ||
        commandsNamed(ctx.root, ['getopts']).some((g) => commandArgs(g).some((a) => a.text.includes('h')));
      const hasCount = /\$#|\$\{#\}/.test(code);
      const missing = [...(hasHelp ? [] : ['lint.B003.help' as const]), ...(hasCount ? [] : ['lint.B003.count' as const])];
      if (!missing.length) return;
      ctx.report(
        positional,
        texts(
          'lint.B003.message',
          joinTexts(
            missing.map((k) => texts(k)),
            texts('lint.B003.nor'),
          ),
        ),
      );
    },
  },
];
