import { texts } from '../../i18n';
import { afterFirstLine, ancestor, descendants, within } from '../ast';
import type { Rule, SyntaxNode } from '../types';
import { commandArgs, commandsNamed, hasErrexit, headerComments } from './bash-util';

/** Whether a command's failure is handled: `cmd || …`, `cmd && …`, or an if/while condition. */
function handled(cmd: SyntaxNode): boolean {
  const p = cmd.parent;
  if (p?.type === 'list') return true;
  if (p?.type === 'negated_command') return true;
  for (let a = ancestor(cmd, ['if_statement', 'while_statement', 'elif_clause']); a; a = ancestor(a, ['if_statement', 'while_statement', 'elif_clause'])) {
    if (a.childrenForFieldName('condition').some((c) => within(cmd, c))) return true;
  }
  return false;
}

/** Explicit error handling other than errexit: `|| exit`, `|| return`, or a test of `$?`. */
function explicitHandling(root: SyntaxNode): boolean {
  const lists = descendants(root, ['list']).filter((l) => /\|\|\s*(\{[^}]*)?\b(exit|return|die|fail|erreur|error)\b/.test(l.text));
  const status = descendants(root, ['simple_expansion']).some((e) => e.text === '$?');
  return lists.length > 0 || status;
}

/** Error handling rules: errexit, unchecked cd, exit codes. */
export const bashErrors: Rule[] = [
  {
    code: 'TSSR-B006',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.3',
    title: texts('lint.B006.title'),
    explanation: texts('lint.B006.explanation'),
    check(ctx) {
      if (hasErrexit(ctx.root) || explicitHandling(ctx.root)) return;
      const header = headerComments(ctx.root);
      const at = header.length ? header[header.length - 1].endIndex + 1 : ctx.text.startsWith('#!') ? afterFirstLine(ctx.text) : 0;
      ctx.report({ startIndex: 0, endIndex: Math.max(0, afterFirstLine(ctx.text) - 1) }, texts('lint.B006.message'), {
        title: texts('lint.B006.fix'),
        edits: [{ start: at, end: at, newText: 'set -euo pipefail\n' }],
      });
    },
  },
  {
    code: 'TSSR-B007',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.3',
    title: texts('lint.B007.title'),
    explanation: texts('lint.B007.explanation'),
    check(ctx) {
      if (hasErrexit(ctx.root)) return;
      for (const cd of commandsNamed(ctx.root, ['cd'])) {
        if (handled(cd) || (cd.parent?.type === 'subshell' && cd.parent.namedChildren.length === 1)) continue;
        ctx.report(cd, texts('lint.B007.message', cd.text), {
          title: texts('lint.B007.fix'),
          edits: [{ start: cd.endIndex, end: cd.endIndex, newText: ' || exit 1' }],
        });
      }
    },
  },
  {
    code: 'TSSR-B010',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.3',
    title: texts('lint.B010.title'),
    explanation: texts('lint.B010.explanation'),
    check(ctx) {
      if (hasErrexit(ctx.root)) return;
      const errors = descendants(ctx.root, ['file_redirect']).filter((r) => /^>&\s*2$|^1?>&2$/.test(r.text.replace(/\s+/g, '')));
      if (!errors.length) return;
      const nonZero = commandsNamed(ctx.root, ['exit', 'return']).some((c) => {
        const a = commandArgs(c)[0]?.text;
        return a !== undefined && a !== '0';
      });
      if (nonZero) return;
      ctx.report(errors[0].parent ?? errors[0], texts('lint.B010.message'));
    },
  },
];
