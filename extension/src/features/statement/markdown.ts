import { isAbsolute, resolve } from 'node:path';
import { isInside } from '../../core/paths';

/** The part of markdown-it's API used here (its own type declarations differ between major versions). */
interface Token {
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}
interface MarkdownIt {
  render(src: string): string;
  renderer: { rules: Record<string, ((tokens: Token[], idx: number, options: unknown, env: unknown, self: Renderer) => string) | undefined> };
}
type Renderer = unknown;
type MarkdownItFactory = new (options: { html: boolean; linkify: boolean; typographer: boolean }) => MarkdownIt;

/**
 * Renders a statement's Markdown to HTML. Raw HTML in the statement is escaped (html: false), so nothing in a pack can
 * add a script; no maths plugin, so `$dossier` stays text. Relative images inside the exercise folder go through
 * `asset` (the webview's URI for the file); any other image source is dropped.
 */
export function renderStatement(markdown: string, exerciseDir: string, asset: (file: string) => string): string {
  // Loaded on first use: the statement is not needed to activate the extension.
  const factory = require('markdown-it') as MarkdownItFactory | { default: MarkdownItFactory };
  const Ctor = 'default' in factory ? factory.default : factory;
  const md = new Ctor({ html: false, linkify: true, typographer: false });
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src') ?? '';
    if (!/^https:/i.test(src)) {
      const file = resolve(exerciseDir, safeDecode(src));
      token.attrSet('src', !isAbsolute(src) && !/^[a-z]+:/i.test(src) && isInside(exerciseDir, file) ? asset(file) : '');
    }
    return image(tokens, idx, options, env, self);
  };
  return md.render(markdown);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
