import { descendants, memo, nodeAt } from '../ast';
import type { SyntaxNode } from '../types';

/** A PowerShell command invocation: its name node and, read on demand, its elements (parameters and arguments). */
export interface Invocation {
  readonly node: SyntaxNode;
  name: SyntaxNode;
  lower: string;
  start: number;
  readonly elements: SyntaxNode[];
}

/** Climbs from the smallest node at `offset` to an ancestor of `type` that starts there (or contains it, when `within`). */
export function nodeOfTypeAt(root: SyntaxNode, offset: number, type: string, within = false): SyntaxNode | null {
  let n = nodeAt(root, offset);
  for (let depth = 0; n && depth < 8; depth++, n = n.parent) {
    if (n.type === type) return n;
    if (!within && n.startIndex !== offset) return null;
  }
  return null;
}

/**
 * Invocations whose command word matches `pattern` (global regex): the text is scanned first and each candidate
 * is confirmed in the tree with one lookup, instead of visiting every command of the file.
 */
export function invocationsMatching(root: SyntaxNode, text: string, pattern: RegExp, keep: (line: string) => boolean = () => true): Invocation[] {
  return memo(`ps-invocations:${pattern.source}:${keep.toString()}`, () => {
    const out: Invocation[] = [];
    for (const m of text.matchAll(pattern)) {
      const start = m.index!;
      if (!keep(lineFrom(text, start))) continue;
      const name = nodeOfTypeAt(root, start, 'command_name');
      if (!name) continue;
      let elements: SyntaxNode[] | undefined;
      const node = (): SyntaxNode => name.parent ?? name;
      out.push({
        name,
        lower: m[0].toLowerCase(),
        start,
        get node() {
          return node();
        },
        get elements(): SyntaxNode[] {
          elements ??= (node().childForFieldName('command_elements')?.namedChildren ?? []).filter((e: SyntaxNode) => e.type !== 'command_argument_sep');
          return elements;
        },
      });
    }
    return out;
  });
}

/** A regex matching any of `words` as a whole command word (not part of a name, variable or parameter). */
export function commandWords(words: string[]): RegExp {
  const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\w$.\\-:\\\\])(?:${alt})(?![\\w\\-])`, 'gi');
}

/** The rest of the source line from an invocation's start (cheap prefilters read this instead of the node). */
export function lineFrom(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** A string literal's value without quotes, or null if it is not a constant string. */
export function constantString(node: SyntaxNode | undefined): string | null {
  if (!node) return null;
  const lit = node.type === 'string_literal' ? node : descendants(node, ['string_literal'])[0];
  if (lit && lit.text.length === node.text.length) {
    if (descendants(lit, ['variable', 'sub_expression']).length) return null;
    return lit.text.replace(/^(['"])(.*)\1$/s, '$2');
  }
  if (node.type === 'generic_token') return node.text;
  return null;
}

/** Positional arguments on a command line, estimated from the text (quotes respected): a cheap first pass. */
export function positionalEstimate(line: string): number {
  // A script block { … } is one argument: fold it before splitting (innermost first).
  let folded = line;
  for (let i = 0; i < 5 && /\{[^{}]*\}/.test(folded); i++) folded = folded.replace(/\{[^{}]*\}/g, 'SB');
  const tokens = folded.match(/"[^"]*"|'[^']*'|[^\s|;]+/g) ?? [];
  let positional = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '|' || t.startsWith('#')) break;
    if (/^-[A-Za-z]/.test(t)) {
      if (!t.endsWith(':') && tokens[i + 1] && !/^-[A-Za-z]/.test(tokens[i + 1])) i++;
      continue;
    }
    positional++;
  }
  return positional;
}
