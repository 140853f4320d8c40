import type { SyntaxNode } from './types';

/** Every node under `root` (pre-order), optionally only of the given types. */
export function descendants(root: SyntaxNode, types?: string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const wanted = types ? new Set(types) : undefined;
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!wanted || wanted.has(n.type)) out.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** The closest ancestor of one of the given types. */
export function ancestor(node: SyntaxNode, types: string[]): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return p;
  return null;
}

/** Offset of the start of the line after the first line (or the shebang), where headers and settings go. */
export function afterFirstLine(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl + 1;
}

/** Whether two handles denote the same node (web-tree-sitter hands out a new object on each access). */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return Boolean(a && b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type);
}

/** Whether `inner` lies within `outer`. */
export function within(inner: SyntaxNode, outer: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}
