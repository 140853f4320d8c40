import type { Readable } from 'node:stream';

/** The first line of the input, the end of input without one, or a line past the limit. */
export type FirstLine = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'tooLarge'; bytes: number };

/**
 * Reads the first newline-terminated line, keeping at most `limit` bytes: past it, reading stops at once,
 * so a 200 MB line never sits in memory (readline would buffer it whole before splitting).
 */
export function readFirstLine(input: Readable, limit: number): Promise<FirstLine> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: FirstLine): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      input.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      const newline = chunk.indexOf(10);
      const take = newline >= 0 ? newline : chunk.length;
      if (total + take > limit) return finish({ kind: 'tooLarge', bytes: total + take });
      chunks.push(newline >= 0 ? chunk.subarray(0, newline) : chunk);
      total += take;
      if (newline >= 0) finish({ kind: 'line', line: Buffer.concat(chunks, total).toString('utf8') });
    };
    // A last line without a newline still counts; an empty input is no request.
    const onEnd = (): void => finish(total > 0 ? { kind: 'line', line: Buffer.concat(chunks, total).toString('utf8') } : { kind: 'eof' });
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
  });
}
