import { descendants } from '../ast';
import type { SyntaxNode } from '../types';

/** A PowerShell command invocation: its name node and its elements (parameters and arguments, separators dropped). */
export interface Invocation { node: SyntaxNode; name: SyntaxNode; elements: SyntaxNode[] }

/** Every command invocation in the tree. */
export function invocations(root: SyntaxNode): Invocation[] {
  return descendants(root, ['command']).flatMap((node) => {
    const name = node.childForFieldName('command_name');
    if (!name) return [];
    const elements = (node.childForFieldName('command_elements')?.namedChildren ?? []).filter((e) => e.type !== 'command_argument_sep');
    return [{ node, name, elements }];
  });
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
export const nameOf = (i: Invocation): string => i.name.text.toLowerCase();
