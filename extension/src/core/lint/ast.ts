import type { SyntaxNode } from './types';

/** A node that can search its subtree natively (web-tree-sitter's descendantsOfType runs inside WASM). */
interface NativeSearch {
  descendantsOfType(types: string | string[]): Array<SyntaxNode | null>;
}

/**
 * Node types the rules search the whole tree for, gathered by one native search per analysis
 * (each descendantsOfType call walks the whole tree inside WASM, so one call beats one per rule).
 */
export const INDEXED: Record<string, string[]> = {
  bash: [
    'command',
    'simple_expansion',
    'expansion',
    'test_command',
    'file_redirect',
    'list',
    'variable_assignment',
    'command_substitution',
    'pipeline',
    'comment',
  ],
  // PowerShell rules scan the text first and confirm candidates with one lookup each: no whole-tree search.
  powershell: [],
};

interface Index {
  root: SyntaxNode;
  byType: Map<string, SyntaxNode[]>;
  memo: Map<string, unknown>;
}
let index: Index | undefined;

/**
 * Runs the rules of one analysis. Searches of the whole tree go through a per-type cache filled by native
 * searches (web-tree-sitter's descendantsOfType runs inside WASM), so each node type crosses the boundary once.
 */
export function withIndex<T>(root: SyntaxNode, types: string[], fn: () => T): T {
  index = { root, byType: new Map(types.map((t) => [t, []])), memo: new Map() };
  if (types.length) for (const n of nativeSearch(root, types) ?? walk(root).filter((x) => types.includes(x.type))) index.byType.get(n.type)?.push(n);
  try {
    return fn();
  } finally {
    index = undefined;
  }
}

/** A value computed once per analysis (e.g. the list of invocations), shared by the rules. */
export function memo<T>(key: string, compute: () => T): T {
  if (!index) return compute();
  if (!index.memo.has(key)) index.memo.set(key, compute());
  return index.memo.get(key) as T;
}

function nativeSearch(root: SyntaxNode, types: string[]): SyntaxNode[] | undefined {
  const native = (root as unknown as Partial<NativeSearch>).descendantsOfType;
  if (!native) return undefined;
  const found = native.call(root, types).filter((n): n is SyntaxNode => n !== null);
  return types.includes(root.type) && !sameNode(found[0], root) ? [root, ...found] : found;
}

function walk(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** Every node under `root` (pre-order, root included), optionally only of the given types. */
export function descendants(root: SyntaxNode, types?: string[]): SyntaxNode[] {
  if (types && index && root.startIndex === index.root.startIndex && root.endIndex === index.root.endIndex) {
    // Types outside INDEXED (frequent ones such as PowerShell's `variable`) are searched on demand, once.
    const missing = types.filter((t) => !index!.byType.has(t));
    if (missing.length) {
      missing.forEach((t) => index!.byType.set(t, []));
      for (const n of nativeSearch(root, missing) ?? walk(root).filter((x) => missing.includes(x.type))) index.byType.get(n.type)?.push(n);
    }
    if (types.length === 1) return index.byType.get(types[0])!;
    return types.flatMap((t) => index!.byType.get(t)!).sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  }
  if (types) {
    const found = nativeSearch(root, types);
    if (found) return found;
  }
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

/** The smallest node at an offset (one native lookup when the tree is web-tree-sitter's). */
export function nodeAt(root: SyntaxNode, offset: number): SyntaxNode | null {
  const native = (root as unknown as { descendantForIndex?: (i: number) => SyntaxNode | null }).descendantForIndex;
  if (native) return native.call(root, offset);
  let n: SyntaxNode = root;
  for (;;) {
    const next = n.children.find((c) => c.startIndex <= offset && offset < c.endIndex);
    if (!next) return n;
    n = next;
  }
}
