import { read } from 'node:fs';
import type { Readable } from 'node:stream';

/** The first line of the input, the end of input without one, or a line past the limit. */
export type FirstLine = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'tooLarge'; bytes: number };

/**
 * Reads the first newline-terminated line, keeping at most `limit` bytes: past it, reading stops at once,
 * so a 200 MB line never sits in memory (readline would buffer it whole before splitting). `sofar`: bytes of the line
 * already read from the same input.
 */
export function readFirstLine(input: Readable, limit: number, sofar: { chunks: Buffer[]; total: number } = { chunks: [], total: 0 }): Promise<FirstLine> {
  return new Promise((resolve) => {
    const chunks = sofar.chunks;
    let total = sofar.total;
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

/** First read from the descriptor: a typical request fits; later reads take larger bites. */
const FIRST_READ = 64 * 1024;
const NEXT_READ = 1024 * 1024;

/**
 * readFirstLine on a raw descriptor (the process's stdin, fd 0) with fs.read: no stream is built (creating
 * process.stdin costs about 5 ms of start-up). A non-blocking descriptor (EAGAIN, at the first read or later) goes on
 * through the stream, from the bytes read so far.
 */
export function readFirstLineFd(fd: number, limit: number, fallback: (read: { chunks: Buffer[]; total: number }) => Promise<FirstLine>): Promise<FirstLine> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let size = FIRST_READ;
    const next = (): void => {
      const buffer = Buffer.allocUnsafe(size);
      size = NEXT_READ;
      read(fd, buffer, 0, buffer.length, null, (err, n) => {
        if (err && (err.code === 'EAGAIN' || err.code === 'EWOULDBLOCK')) return void fallback({ chunks, total }).then(resolve);
        // An error is the end of input, as for the stream; a last line without a newline still counts.
        if (err || n === 0) return resolve(total > 0 ? { kind: 'line', line: Buffer.concat(chunks, total).toString('utf8') } : { kind: 'eof' });
        const chunk = buffer.subarray(0, n);
        const newline = chunk.indexOf(10);
        const take = newline >= 0 ? newline : n;
        if (total + take > limit) return resolve({ kind: 'tooLarge', bytes: total + take });
        chunks.push(chunk.subarray(0, take));
        total += take;
        if (newline >= 0) return resolve({ kind: 'line', line: Buffer.concat(chunks, total).toString('utf8') });
        next();
      });
    };
    next();
  });
}
