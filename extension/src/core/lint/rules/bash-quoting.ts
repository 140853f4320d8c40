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

const quote = (e: SyntaxNode) => ({ title: { fr: `Mettre ${e.text} entre guillemets`, en: `Quote ${e.text}` }, edits: [{ start: e.startIndex, end: e.endIndex, newText: `"${e.text}"` }] });

/** Quoting rules: expansions in arguments, `[` operands, `rm -rf $var`. */
export const bashQuoting: Rule[] = [
  {
    code: 'TSSR-B004', language: 'bash', severity: 'warning', critere: 'CP11.3',
    title: { fr: 'Variable non protégée par des guillemets', en: 'Unquoted variable' },
    explanation: {
      fr: 'Sans guillemets, « $fichier » est découpé aux espaces et ses * sont développés : un nom comme « Mes documents » devient deux arguments. Écrivez « "$fichier" ».',
      en: 'Unquoted, "$file" is split on spaces and its * are expanded: a name like "My documents" becomes two arguments. Write "\\"$file\\"".',
    },
    check(ctx) {
      for (const e of bareArgumentExpansions(ctx.root)) {
        ctx.report(e, { fr: `${e.text} n’est pas entre guillemets : découpage et globbing possibles`, en: `${e.text} is unquoted: it may be split and globbed` }, quote(e));
      }
    },
  },
  {
    code: 'TSSR-B005', language: 'bash', severity: 'error', critere: 'CP11.3',
    title: { fr: 'rm -r sur un chemin variable non garanti', en: 'rm -r on an unguarded variable path' },
    explanation: {
      fr: 'Si la variable est vide, « rm -rf "$dossier"/* » devient « rm -rf /* ». Utilisez « ${dossier:?} », qui arrête le script quand la variable est vide ou non définie.',
      en: 'If the variable is empty, "rm -rf "$dir"/*" becomes "rm -rf /*". Use "${dir:?}", which stops the script when the variable is empty or unset.',
    },
    check(ctx) {
      // A variable set from mktemp under errexit cannot be empty: the script stops if mktemp fails.
      const fromMktemp = new Set(hasErrexit(ctx.root) ? [...ctx.text.matchAll(/^\s*(?:local\s+|readonly\s+)?([A-Za-z_]\w*)=\$\(\s*mktemp\b/gm)].map((m) => m[1]) : []);
      for (const rm of commandsNamed(ctx.root, ['rm'])) {
        const args = commandArgs(rm);
        if (!args.some((a) => /^-[a-zA-Z]*[rR]/.test(a.text) || a.text === '--recursive')) continue;
        for (const arg of args) {
          for (const e of descendants(arg, ['simple_expansion', 'expansion'])) {
            if (/^\$\{[A-Za-z_][A-Za-z0-9_]*:\?/.test(e.text) || !isSplittable(e)) continue;
            const name = e.text.replace(/^\$\{?/, '').replace(/\}$/, '');
            if (fromMktemp.has(name)) continue;
            ctx.report(e, { fr: `rm récursif sur ${e.text} : si la variable est vide, tout peut être effacé`, en: `recursive rm on ${e.text}: if the variable is empty, everything may be deleted` },
              /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { title: { fr: `Remplacer par \${${name}:?}`, en: `Replace with \${${name}:?}` }, edits: [{ start: e.startIndex, end: e.endIndex, newText: `\${${name}:?}` }] } : undefined);
          }
        }
      }
    },
  },
  {
    code: 'TSSR-B011', language: 'bash', severity: 'warning', critere: 'CP11.3',
    title: { fr: 'Opérande non protégé dans [ ]', en: 'Unquoted operand in [ ]' },
    explanation: {
      fr: 'Dans « [ $a = b ] », une variable vide ou avec espaces casse le test (« [: too many arguments »). Mettez l’opérande entre guillemets, ou utilisez [[ ]] de bash, qui ne découpe pas.',
      en: 'In "[ $a = b ]", an empty variable or one with spaces breaks the test ("[: too many arguments"). Quote the operand, or use bash\'s [[ ]], which does not split.',
    },
    check(ctx) {
      for (const t of descendants(ctx.root, ['test_command'])) {
        if (t.text.startsWith('[[')) continue;
        for (const e of descendants(t, ['simple_expansion', 'expansion'])) {
          if (!isSplittable(e) || quotedWithin(e, t)) continue;
          ctx.report(e, { fr: `${e.text} non protégé dans [ ] : utilisez "${e.text}" ou [[ ]]`, en: `${e.text} unquoted in [ ]: use "${e.text}" or [[ ]]` }, quote(e));
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
