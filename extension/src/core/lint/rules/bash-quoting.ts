import { texts } from '../../i18n';
import { descendants, sameNode } from '../ast';
import type { Rule, SyntaxNode } from '../types';
import { commandArgs, commandsNamed, hasErrexit, isSplittable } from './bash-util';

/** Expansions that are a bare (unquoted) command argument, or part of one. */
function bareArgumentExpansions(root: SyntaxNode): SyntaxNode[] {
  return descendants(root, ['simple_expansion', 'expansion']).filter((e) => {
    if (!isSplittable(e)) return false;
    const p = e.parent;
    if (p?.type === 'command') return !sameNode(p.childForFieldName('name'), e);
    return p?.type === 'concatenation' && p.parent?.type === 'command';
  });
}

const quote = (e: SyntaxNode) => ({ title: texts('lint.quoteFix', e.text), edits: [{ start: e.startIndex, end: e.endIndex, newText: `"${e.text}"` }] });

/** Quoting rules: expansions in arguments, `[` operands, `rm -rf $var`. */
export const bashQuoting: Rule[] = [
  {
    code: 'TSSR-B004',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.3',
    title: texts('lint.B004.title'),
    explanation: texts('lint.B004.explanation'),
    check(ctx) {
      for (const e of bareArgumentExpansions(ctx.root)) {
        ctx.report(e, texts('lint.B004.message', e.text), quote(e));
      }
    },
  },
  {
    code: 'TSSR-B005',
    language: 'bash',
    severity: 'error',
    critere: 'CP11.3',
    title: texts('lint.B005.title'),
    explanation: texts('lint.B005.explanation'),
    check(ctx) {
      // A variable set from mktemp under errexit cannot be empty: the script stops if mktemp fails.
      const fromMktemp = new Set(
        hasErrexit(ctx.root) ? [...ctx.text.matchAll(/^\s*(?:local\s+|readonly\s+)?([A-Za-z_]\w*)=\$\(\s*mktemp\b/gm)].map((m) => m[1]) : [],
      );
      for (const rm of commandsNamed(ctx.root, ['rm'])) {
        const args = commandArgs(rm);
        if (!args.some((a) => /^-[a-zA-Z]*[rR]/.test(a.text) || a.text === '--recursive')) continue;
        for (const arg of args) {
          for (const e of descendants(arg, ['simple_expansion', 'expansion'])) {
            if (/^\$\{[A-Za-z_][A-Za-z0-9_]*:\?/.test(e.text) || !isSplittable(e)) continue;
            const name = e.text.replace(/^\$\{?/, '').replace(/\}$/, '');
            if (fromMktemp.has(name)) continue;
            ctx.report(
              e,
              texts('lint.B005.message', e.text),
              /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
                ? { title: texts('lint.B005.fix', name), edits: [{ start: e.startIndex, end: e.endIndex, newText: `\${${name}:?}` }] }
                : undefined,
            );
          }
        }
      }
    },
  },
  {
    code: 'TSSR-B011',
    language: 'bash',
    severity: 'warning',
    critere: 'CP11.3',
    title: texts('lint.B011.title'),
    explanation: texts('lint.B011.explanation'),
    check(ctx) {
      for (const t of descendants(ctx.root, ['test_command'])) {
        if (t.text.startsWith('[[')) continue;
        for (const e of descendants(t, ['simple_expansion', 'expansion'])) {
          if (!isSplittable(e) || quotedWithin(e, t)) continue;
          ctx.report(e, texts('lint.B011.message', e.text), quote(e));
        }
      }
    },
  },
];

/** Whether `e` sits inside a string or arithmetic between itself and `top`. */
function quotedWithin(e: SyntaxNode, top: SyntaxNode): boolean {
  for (let p = e.parent; p && !sameNode(p, top); p = p.parent) if (p.type === 'string' || p.type === 'arithmetic_expansion') return true;
  return false;
}
