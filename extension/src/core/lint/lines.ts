import type { Range } from '../positions';

/** Maps 0-based offsets to 1-based line/column and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }

  /** 0-based offset of a 1-based line and column. */
  offset(line: number, col: number): number {
    return (this.starts[line - 1] ?? this.text.length) + col - 1;
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }

  /** Text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const s = this.starts[line - 1] ?? this.text.length;
    const e = this.starts[line] !== undefined ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(s, e);
  }
}
