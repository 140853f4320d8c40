import type { Lang } from '../i18n';
import { cursorContext } from './cursor';
import { checkTypes, describeAt, describeNode, rootSchema, schemaAt } from './schema-walk';

/** A hover's Markdown and the source span it explains. */
export interface HoverText {
  markdown: string;
  start: number;
  end: number;
}

/**
 * The hover on a key of exercise.yaml or pack.yaml, or on a check's type value: the schema's documentation in `lang`
 * (the YAML extension, when installed, shows the schema's own French text instead).
 */
export function schemaHover(text: string, offset: number, file: 'exercise' | 'pack', lang: Lang): HoverText | undefined {
  const ctx = cursorContext(text, offset);
  if (!ctx) return undefined;
  const word = text.slice(ctx.start, ctx.end);
  if (!word) return undefined;
  const root = rootSchema(file);
  let markdown: string | undefined;
  if (ctx.kind === 'key') {
    // The map's own data (index path.length) picks the check type's branch when the key sits in a check.
    const nodes = schemaAt(root, [...ctx.path, word], (i) => ctx.containers[i]);
    markdown = nodes.map((n) => describeAt(n, lang)).find(Boolean);
  } else if (ctx.path.at(-1) === 'type') {
    const inCheck = schemaAt(root, ctx.path, (i) => ctx.containers[i]).some((n) => n.file.startsWith('checks/'));
    const type = inCheck ? checkTypes().find((c) => c.type === word) : undefined;
    markdown = type && describeNode(type.schema, lang);
  }
  return markdown ? { markdown, start: ctx.start, end: ctx.end } : undefined;
}
