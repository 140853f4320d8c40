import { descendants, memo } from '../ast';
import type { SyntaxNode } from '../types';

/** The name of a simple command (`rm`, `cd`…). */
export function commandName(cmd: SyntaxNode): string {
  return cmd.childForFieldName('name')?.text ?? '';
}

/** The argument nodes of a simple command. */
export function commandArgs(cmd: SyntaxNode): SyntaxNode[] {
  return cmd.childrenForFieldName('argument');
}

/** Every simple command named one of `names` (the command list is computed once per analysis). */
export function commandsNamed(root: SyntaxNode, names: string[]): SyntaxNode[] {
  const all = memo(`bash-commands:${root.startIndex}:${root.endIndex}`, () => descendants(root, ['command']).map((c) => ({ c, name: commandName(c) })));
  return all.filter((x) => names.includes(x.name)).map((x) => x.c);
}

/** Special parameters whose expansion cannot split or glob. */
const SAFE = /^\$(\{#|[#?$!-]$|\{[#?$!-]\}$)/;

/** A `$x` or `${x}` that word splitting and globbing would touch (not `$#`, `$?`, `${#x}`). */
export function isSplittable(exp: SyntaxNode): boolean {
  return (exp.type === 'simple_expansion' || exp.type === 'expansion') && !SAFE.test(exp.text);
}

/** Whether the script turns on errexit (`set -e`, `set -euo pipefail`, `set -o errexit`) or traps ERR. */
export function hasErrexit(root: SyntaxNode): boolean {
  for (const c of commandsNamed(root, ['set'])) {
    const args = commandArgs(c).map((a) => a.text);
    if (args.some((a) => /^-[a-zA-Z]*e/.test(a)) || args.join(' ').includes('-o errexit')) return true;
  }
  return commandsNamed(root, ['trap']).some((c) => commandArgs(c).some((a) => a.text === 'ERR'));
}

/** Lines of the comment block at the top of the script (after the shebang). */
export function headerComments(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const n of root.namedChildren) {
    if (n.type !== 'comment') break;
    if (!n.text.startsWith('#!')) out.push(n);
  }
  return out;
}
