import { descendants, memo } from '../ast';
import type { SyntaxNode } from '../types';

/** A PowerShell command invocation: its name node and, read on demand, its elements (parameters and arguments). */
export interface Invocation { readonly node: SyntaxNode; name: SyntaxNode; lower: string; start: number; readonly elements: SyntaxNode[] }

/** Every command invocation in the tree. Names are read from the source text at each command_name's start. */
export function invocations(root: SyntaxNode, text: string): Invocation[] {
  return memo(`ps-invocations:${root.startIndex}:${root.endIndex}`, () => descendants(root, ['command_name']).map((name) => {
    const start = name.startIndex;
    const word = /^[^\s;|(){}]+/.exec(text.slice(start, start + 200))?.[0] ?? '';
    let node: SyntaxNode | undefined;
    let elements: SyntaxNode[] | undefined;
    return {
      name, lower: word.toLowerCase(), start,
      // The command node and its elements cost WASM calls: read only when a rule needs them.
      get node() { node ??= name.parent ?? name; return node; },
      get elements() {
        elements ??= (this.node.childForFieldName('command_elements')?.namedChildren ?? []).filter((e) => e.type !== 'command_argument_sep');
        return elements;
      },
    };
  }));
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

/** Positional arguments on a command line, estimated from the text (quotes respected): a cheap first pass. */
export function positionalEstimate(line: string): number {
  const tokens = line.match(/"[^"]*"|'[^']*'|[^\s|;]+/g) ?? [];
  let positional = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '|' || t.startsWith('#')) break;
    if (/^-[A-Za-z]/.test(t)) { if (!t.endsWith(':') && tokens[i + 1] && !/^-[A-Za-z]/.test(tokens[i + 1])) i++; continue; }
    positional++;
  }
  return positional;
}
