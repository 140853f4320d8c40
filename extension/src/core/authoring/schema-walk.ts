import checkSchema from '../../../../schemas/check.schema.json';
import commonSchema from '../../../../schemas/common.schema.json';
import exerciseSchema from '../../../../schemas/exercise.schema.json';
import packSchema from '../../../../schemas/pack.schema.json';
import { CHECK_SCHEMAS } from '../check-schemas';
import type { Lang } from '../i18n';

/** The part of a JSON Schema the authoring helpers read. */
export interface SchemaNode {
  $ref?: string;
  $id?: string;
  type?: string | string[];
  /** French, the product's first language. */
  description?: string;
  /** The same in another language (`x-description-en`). */
  [translated: `x-description-${string}`]: string | undefined;
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  required?: string[];
}

/** A node's documentation in `lang`: `x-description-<lang>` beside the French `description`, else the French. */
export function describeNode(node: SchemaNode, lang: Lang): string | undefined {
  return node[`x-description-${lang}`] ?? node.description;
}

/** A schema node and the file it sits in (relative to schemas/), so that its $refs resolve as files beside it. */
export interface Located {
  node: SchemaNode;
  file: string;
}

/** The shipped schemas by path under schemas/; $refs resolve by file path, as the YAML extension resolves them. */
const FILES = new Map<string, SchemaNode>([
  ['exercise.schema.json', exerciseSchema as SchemaNode],
  ['pack.schema.json', packSchema as SchemaNode],
  ['common.schema.json', commonSchema as SchemaNode],
  ['check.schema.json', checkSchema as SchemaNode],
  ...CHECK_SCHEMAS.map((s) => [s.$id, s as SchemaNode] as const),
]);

/** The root schema of an authored file. */
export function rootSchema(kind: 'exercise' | 'pack'): Located {
  const file = `${kind}.schema.json`;
  return { node: FILES.get(file)!, file };
}

/** Resolves `ref` (`other.schema.json#/$defs/X`, `#/$defs/X`) from the file `from`; undefined when it points nowhere. */
export function resolveRef(ref: string, from: string): Located | undefined {
  const [path, pointer = ''] = ref.split('#');
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const file = path ? normalise(dir + path) : from;
  let node: unknown = FILES.get(file);
  for (const seg of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node && typeof node === 'object' ? { node: node as SchemaNode, file } : undefined;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/**
 * The alternatives a value may take at this node: $refs followed, anyOf/oneOf/allOf flattened. `data` (the map being
 * written) picks the check branch whose `type` const matches it, when it has one.
 */
export function alternatives(at: Located, data?: unknown, depth = 0): Located[] {
  if (depth > 20) return [];
  const { node, file } = at;
  if (node.$ref) {
    const target = resolveRef(node.$ref, file);
    return target ? alternatives(target, data, depth + 1) : [];
  }
  const typed = typeOf(data);
  const picked = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]
    .map((n) => alternatives({ node: n, file }, data, depth + 1))
    // A check branch (its `type` a const) other than the map's own type is left out, with all it holds.
    .filter((branch) => !typed || branch.every((b) => b.node.properties?.type?.const === undefined || b.node.properties.type.const === typed));
  return [at, ...picked.flat()];
}

function typeOf(data: unknown): string | undefined {
  const t = data && typeof data === 'object' && !Array.isArray(data) ? (data as { type?: unknown }).type : undefined;
  return typeof t === 'string' ? t : undefined;
}

/** The documentation at a node in `lang`: its own, else that of the definition it refers to or its first alternative's. */
export function describeAt(at: Located, lang: Lang): string | undefined {
  return alternatives(at)
    .map((a) => describeNode(a.node, lang))
    .find(Boolean);
}

/** The schema at a path below `root` (keys and item indexes); `dataAt` gives the data at a prefix of the path. */
export function schemaAt(root: Located, path: Array<string | number>, dataAt: (depth: number) => unknown): Located[] {
  let here = [root];
  path.forEach((seg, i) => {
    const data = dataAt(i);
    here = here.flatMap((l) =>
      alternatives(l, data).flatMap((a) => {
        const next = typeof seg === 'number' ? a.node.items : a.node.properties?.[seg];
        return next ? [{ node: next, file: a.file }] : [];
      }),
    );
  });
  return here;
}

/** The check types declared by check.schema.json, in its order, with each type's own schema. */
export function checkTypes(): Array<{ type: string; schema: SchemaNode }> {
  return (checkSchema as SchemaNode).oneOf!.flatMap((r) => {
    const s = resolveRef(r.$ref!, 'check.schema.json')?.node;
    const type = s?.properties?.type?.const;
    return s && typeof type === 'string' ? [{ type, schema: s }] : [];
  });
}
