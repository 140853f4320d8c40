import { stringify } from 'yaml';
import { t, type Lang } from '../i18n';
import { cursorContext, type CursorContext } from './cursor';
import { competenceItems, critereItems } from './referentiel-help';
import { alternatives, checkTypes, describeAt, describeNode, rootSchema, schemaAt, type Located } from './schema-walk';
import { checkSnippets, critereSnippet, exerciseSnippet, packSnippet, type Snippet } from './snippets';

/** A completion, editor-neutral: features/authoring.ts turns it into a vscode.CompletionItem. */
export interface Suggestion {
  label: string;
  kind: 'property' | 'value' | 'checkType' | 'critere' | 'competence' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText is in snippet syntax. */
  snippet?: boolean;
  /** Source offsets replaced: the word at the cursor. */
  start: number;
  end: number;
  /** Keeps the référentiel's and the schema's order. */
  sortText: string;
}

/** What to offer: `all`, or only what the YAML extension cannot know (référentiel ids, snippets) when it is installed. */
export type CompletionScope = 'all' | 'tssrOnly';

/** Completions at an offset of an exercise.yaml or pack.yaml. */
export function complete(text: string, offset: number, file: 'exercise' | 'pack', lang: Lang, scope: CompletionScope = 'all'): Suggestion[] {
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  const root = rootSchema(file);
  const nodes = schemaAt(root, ctx.path, (i) => ctx.containers[i]);
  const mine =
    (ctx.kind === 'key' ? keys(ctx, nodes, file, lang) : values(ctx, nodes, file, lang)) ?? values({ ...ctx, kind: 'value' }, nodes, file, lang) ?? [];
  return scope === 'all' ? mine : mine.filter((s) => s.kind === 'critere' || s.kind === 'competence' || s.kind === 'snippet');
}

type Partial = Array<Omit<Suggestion, 'start' | 'end' | 'sortText'>>;

function keys(ctx: CursorContext, nodes: Located[], file: 'exercise' | 'pack', lang: Lang): Suggestion[] | undefined {
  const data = (ctx.containers.at(-1) ?? {}) as Record<string, unknown>;
  const present = new Set(Object.keys(data).filter((k) => !k.startsWith('tssrLabCursor')));
  const alts = nodes.flatMap((n) => alternatives(n, data));
  const out: Partial = [];
  if (ctx.path.length === 0 && !present.size) out.push(snippet(file === 'pack' ? packSnippet() : exerciseSnippet(), ctx, lang));
  const isCheck = alts.some((a) => a.file === 'check.schema.json');
  if (isCheck && !present.has('type')) {
    out.push(...checkSnippets().map((s) => snippet(s, ctx, lang)));
    out.push({ label: 'type', kind: 'property', detail: t(lang, 'authoring.checkType'), insertText: 'type: ' });
    return finish(out, ctx);
  }
  if (alts.some((a) => a.node.title === 'Criterion') && !present.size) out.push(snippet(critereSnippet(), ctx, lang));
  const seen = new Set<string>();
  for (const a of alts)
    for (const [key, schema] of Object.entries(a.node.properties ?? {})) {
      if (present.has(key) || seen.has(key)) continue;
      seen.add(key);
      const detail = schema.default !== undefined ? `${t(lang, 'authoring.default')} : ${JSON.stringify(schema.default)}` : undefined;
      out.push({ label: key, kind: 'property', detail, documentation: describeAt({ node: schema, file: a.file }, lang), insertText: `${key}: ` });
    }
  // `- ` in a list of plain values parses as a map being started: no keys there, the caller offers the values instead.
  return out.length ? finish(out, ctx) : undefined;
}

function values(ctx: CursorContext, nodes: Located[], file: 'exercise' | 'pack', lang: Lang): Suggestion[] | undefined {
  const last = ctx.path.at(-1);
  const parent = ctx.path.at(-2);
  if (file === 'exercise' && last === 'referentiel')
    return finish(
      critereItems(lang).map((r) => ({ label: r.id, kind: 'critere', detail: r.detail, documentation: r.documentation, insertText: r.id })),
      ctx,
    );
  if (file === 'exercise' && parent === 'competences' && ctx.path.length === 2)
    return finish(
      competenceItems(lang).map((r) => ({ label: r.id, kind: 'competence', detail: r.detail, documentation: r.documentation, insertText: r.id })),
      ctx,
    );
  const parentData = ctx.containers.at(-1);
  const alts = nodes.flatMap((n) => alternatives(n, parentData));
  if (last === 'type' && nodes.some((n) => n.file.startsWith('checks/')))
    return finish(
      checkTypes().map(({ type, schema }) => ({
        label: type,
        kind: 'checkType',
        detail: t(lang, 'authoring.checkType'),
        documentation: describeNode(schema, lang),
        insertText: type,
      })),
      ctx,
    );
  const literals = new Map<string, unknown>();
  for (const a of alts) {
    for (const v of a.node.enum ?? []) literals.set(JSON.stringify(v), v);
    if (a.node.const !== undefined) literals.set(JSON.stringify(a.node.const), a.node.const);
    if (a.node.type === 'boolean') [true, false].forEach((v) => literals.set(String(v), v));
  }
  if (!literals.size) return undefined;
  const doc = alts.map((a) => describeNode(a.node, lang)).find(Boolean);
  return finish(
    [...literals.values()].map((v) => ({ label: stringify(v).trim(), kind: 'value', documentation: doc, insertText: stringify(v).trim() })),
    ctx,
  );
}

function snippet(s: Snippet, ctx: CursorContext, lang: Lang): Partial[number] {
  // Lines after the first are indented by the `- ` markers before the cursor; VS Code adds the line's own indentation.
  const pad = ' '.repeat(ctx.keyIndent);
  const body = s.lines.map((l, i) => (i === 0 || l === '$0' ? l : pad + l)).join('\n');
  const label = s.type ? `${s.type} …` : s.id === 'critere' ? 'critère …' : `${s.id} …`;
  const detail = s.type ? t(lang, 'authoring.snippet.check', s.type) : t(lang, `authoring.snippet.${s.id as 'exercise' | 'critere' | 'pack'}`);
  return { label, kind: 'snippet', detail, insertText: body, snippet: true };
}

function finish(items: Partial, ctx: CursorContext): Suggestion[] {
  return items.map((s, i) => ({ ...s, start: ctx.start, end: ctx.end, sortText: String(i).padStart(4, '0') }));
}
