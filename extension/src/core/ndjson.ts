/** Splits a byte stream into lines; a line longer than `maxLine` bytes is reported and dropped. */
export class LineSplitter {
  private buffer = '';
  private overflow = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: (bytes: number) => void = () => undefined,
    private readonly maxLine = 4 * 1024 * 1024,
  ) {}

  /** Feeds a chunk; complete lines are delivered synchronously. */
  push(chunk: string): void {
    let text = this.buffer + chunk;
    let nl: number;
    while ((nl = text.indexOf('\n')) >= 0) {
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (this.overflow) {
        this.onOverflow(this.overflow + line.length);
        this.overflow = 0;
        continue;
      }
      if (line.trim()) this.onLine(line.replace(/\r$/, ''));
    }
    if (text.length > this.maxLine) {
      this.overflow += text.length;
      text = '';
    }
    this.buffer = text;
  }

  /** Delivers a last unterminated line, if any. */
  end(): void {
    if (this.buffer.trim() && !this.overflow) this.onLine(this.buffer);
    this.buffer = '';
  }
}
