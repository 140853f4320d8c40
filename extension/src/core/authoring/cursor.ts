import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** Where the cursor is in a YAML file being written, read from the parsed tree. */
export interface CursorContext {
  /** `key`: a key of the map at `path` is being typed; `value`: the value at `path` (a key's value or a list item). */
  kind: 'key' | 'value';
  /** Keys and item indexes from the root; for `key`, the path of the map. */
  path: Array<string | number>;
  /** The word typed so far, and the source offsets it spans (replaced by a completion). */
  prefix: string;
  start: number;
  end: number;
  /** The data of each map or list along the path (index i: the container holding path[i]), read from the tree. */
  containers: unknown[];
  /** Columns between the start of the line's text and the key being typed (the width of `- ` markers). */
  keyIndent: number;
}

/** Characters of a key, a check type or a référentiel id. */
const WORD = /[A-Za-z0-9_.-]/;
/** A marker no pack contains, put where the cursor is so that the YAML parser places it in the tree. */
const MARK = 'tssrLabCursor0';

/** The word around an offset: [start, end). */
export function wordAt(text: string, offset: number): { start: number; end: number; word: string } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return { start, end, word: text.slice(start, end) };
}

/**
 * The cursor's place in the YAML tree. Text being typed rarely parses as wanted (`    ty` alone is no key), so the word
 * at the cursor is replaced by a marker, as a key (`marker: `) at the start of a line or as a value after `key: `, `- `
 * or inside a flow list; the marker's place in the parsed tree gives the path. Undefined inside comments or block text.
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const { start, end, word } = wordAt(text, offset);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (before.includes('#')) return undefined;
  const atKey = /^\s*(-\s+)*$/.test(before);
  const atValue = /:\s+$/.test(before) || /[[,]\s*$/.test(before) || /^\s*-\s+$/.test(before);
  if (!atKey && !atValue) return undefined;
  const after = text.slice(end, text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end));
  // At a line's start the word is a key being typed, unless the line already holds `key: value` (then it is that key).
  const asKey = atKey && !/^\s*:/.test(after) ? `${MARK}: ` : MARK;
  const found = locate(parseDocument(text.slice(0, start) + asKey + text.slice(end)).contents as Node | null, [], []);
  if (!found) return undefined;
  const indent = before.length - before.trimStart().length;
  return { ...found, prefix: word.slice(0, offset - start), start, end, keyIndent: before.length - indent };
}

type Found = Pick<CursorContext, 'kind' | 'path' | 'containers'>;

/** Walks the tree to the marker; the containers' data comes along for the schema's choices (a check's `type`). */
function locate(node: Node | null, path: Array<string | number>, containers: unknown[]): Found | undefined {
  if (isMap(node)) {
    const data = node.toJSON() as unknown;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === MARK) return { kind: pair.value === null || isScalar(pair.value) ? 'key' : 'value', path, containers: [...containers, data] };
      if (key === undefined) continue;
      const inner =
        isScalar(pair.value) && pair.value.value === MARK
          ? value([...path, key], [...containers, data])
          : locate(pair.value as Node, [...path, key], [...containers, data]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    const data = node.toJSON() as unknown;
    for (const [i, item] of node.items.entries()) {
      const inner =
        isScalar(item) && item.value === MARK ? value([...path, i], [...containers, data]) : locate(item as Node, [...path, i], [...containers, data]);
      if (inner) return inner;
    }
  }
  return undefined;
}

function value(path: Array<string | number>, containers: unknown[]): Found {
  // The marker is no value the author wrote: a check whose `type` is being typed has no type yet.
  const holder = containers.at(-1);
  const key = path.at(-1);
  if (holder && typeof holder === 'object' && !Array.isArray(holder) && typeof key === 'string') {
    const { [key]: _marker, ...rest } = holder as Record<string, unknown>;
    return { kind: 'value', path, containers: [...containers.slice(0, -1), rest] };
  }
  return { kind: 'value', path, containers };
}
