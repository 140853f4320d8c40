import { descendants, memo } from '../ast';
import type { SyntaxNode } from '../types';

/** A PowerShell command invocation: its name node and, read on demand, its elements (parameters and arguments). */
export interface Invocation { node: SyntaxNode; name: SyntaxNode; lower: string; start: number; readonly elements: SyntaxNode[] }

/** Every command invocation in the tree. Names are read from the source text at each command_name's start. */
export function invocations(root: SyntaxNode, text: string): Invocation[] {
  return memo(`ps-invocations:${root.startIndex}:${root.endIndex}`, () => {
    const names = new Map(descendants(root, ['command_name']).map((n) => [n.startIndex, n] as const));
    return descendants(root, ['command']).flatMap((node) => {
      const name = names.get(node.startIndex);
      if (!name) return [];
      const word = /^[^\s;|(){}]+/.exec(text.slice(node.startIndex, node.startIndex + 200))?.[0] ?? '';
      let elements: SyntaxNode[] | undefined;
      return [{
        node, name, lower: word.toLowerCase(), start: node.startIndex,
        // Most rules only need the name; reading the elements costs a few WASM calls per command.
        get elements() {
          elements ??= (node.childForFieldName('command_elements')?.namedChildren ?? []).filter((e) => e.type !== 'command_argument_sep');
          return elements;
        },
      }];
    });
  });
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

/** Lower-case name of a command. */
export const nameOf = (i: Invocation): string => i.lower;
