import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A 1-based line/column range in a file. */
export interface Range {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A parsed YAML file that can locate JSON pointers in its source. */
export class YamlSource {
  private parsed: Document | undefined;
  private readonly lines = new LineCounter();

  constructor(readonly text: string) {}

  /** The parsed document, parsed on first use: a file whose data came from the parse cache needs it only to locate a problem. */
  get doc(): Document {
    this.parsed ??= parseDocument(this.text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    return this.parsed;
  }

  /** Range of source offsets [start, end). */
  range(start: number, end: number): Range {
    void this.doc; // the line counter is filled by the parse
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  /** Finds the node at an ajv instancePath (`/criteria/0/checks/1`); `key` selects a key of that map instead. */
  locate(pointer: string, key?: string): Range {
    const segments = pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = this.doc.contents;
    let keyNode: Node | undefined;
    for (const seg of segments) {
      const next = child(node, seg);
      if (!next) break;
      node = next.value;
      keyNode = next.key;
    }
    if (key !== undefined) {
      const pair = child(node, key);
      if (pair?.key) return this.ofNode(pair.key);
    }
    const target = (node as Node | null) ?? keyNode;
    // Point at the key when the value is a whole block (keeps the squiggle short).
    if (keyNode && (isMap(target) || isSeq(target))) return this.ofNode(keyNode);
    return target ? this.ofNode(target) : { line: 1, col: 1, endLine: 1, endCol: 1 };
  }

  private ofNode(n: Node): Range {
    const [start, end] = n.range ?? [0, 0];
    return this.range(start, end);
  }
}

function child(node: unknown, seg: string): { key?: Node; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
    return pair ? { key: pair.key as Node, value: pair.value } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(seg)];
    return item ? { value: item } : undefined;
  }
  return undefined;
}
