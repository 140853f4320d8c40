import { close, constants, fstat, open, read, stat, type Stats } from 'node:fs';

/** A bounded read: the text (cut at the cap), or why the path cannot be read. */
export type BoundedRead =
  { kind: 'text'; text: string; truncated: boolean } | { kind: 'notRegular'; filetype: string } | { kind: 'failed'; error: string } | { kind: 'aborted' };

const CHUNK = 1024 * 1024;
/** Smallest read buffer: enough for most configuration files in one read. */
const PROBE = 16 * 1024;

/** Names the file type of a stat, as reported to the learner. */
export function filetypeName(s: Stats): string {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'directory';
  if (s.isFile()) return 'file';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  return 'other';
}

// The callback API: a FileHandle (fs/promises) is an event emitter with a promise per call, about twice the CPU of
// these plain calls per read, which a run with hundreds of file checks pays on its one main thread.
const statOf = (path: string): Promise<Stats> => new Promise((res, rej) => stat(path, (e, s) => (e ? rej(e) : res(s))));
const openFd = (path: string, flags: number): Promise<number> => new Promise((res, rej) => open(path, flags, (e, fd) => (e ? rej(e) : res(fd))));
const fstatOf = (fd: number): Promise<Stats> => new Promise((res, rej) => fstat(fd, (e, s) => (e ? rej(e) : res(s))));
const readFd = (fd: number, buffer: Buffer): Promise<number> =>
  new Promise((res, rej) => read(fd, buffer, 0, buffer.length, null, (e, n) => (e ? rej(e) : res(n))));
const closeFd = (fd: number): Promise<void> => new Promise((res) => close(fd, () => res()));

/**
 * Reads at most `cap` bytes of a regular file. Anything else (FIFO, device, socket, directory) is refused before
 * a byte is read: a FIFO would block a thread-pool thread for good, /dev/zero would never end.
 * The path is opened non-blocking and checked again on the open descriptor, so a swap after `stat` cannot fool it.
 */
export async function readBounded(path: string, cap: number, signal: AbortSignal, known?: Stats): Promise<BoundedRead> {
  try {
    // A caller's own stat of a path that is no symlink is the same answer: lstat and stat differ only on symlinks.
    const before = known && !known.isSymbolicLink() ? known : await statOf(path);
    if (!before.isFile()) return { kind: 'notRegular', filetype: filetypeName(before) };
    const fd = await openFd(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    try {
      const opened = await fstatOf(fd);
      if (!opened.isFile()) return { kind: 'notRegular', filetype: filetypeName(opened) };
      const chunks: Buffer[] = [];
      let total = 0;
      // One byte past the cap tells a file of exactly `cap` bytes from a longer one.
      // Sized from fstat (plus the probe byte): a small file costs a small buffer, not a CHUNK per read; a file
      // that grew, or a /proc file that reports size 0, still reads on up to the cap.
      let want = Math.max(opened.size + 1, PROBE);
      while (total <= cap) {
        if (signal.aborted) return { kind: 'aborted' };
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK, want, cap + 1 - total));
        const bytesRead = await readFd(fd, buffer);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
        // A short read that reached the size fstat gave is the end of a regular file: no read to confirm it. A file
        // still growing is read as it was then, as with any read; /proc's size-0 files read on to an empty read.
        if (bytesRead < buffer.length && total === opened.size) break;
        want = bytesRead < buffer.length ? PROBE : CHUNK;
      }
      const all = Buffer.concat(chunks, total);
      return { kind: 'text', text: all.subarray(0, cap).toString('utf8'), truncated: total > cap };
    } finally {
      await closeFd(fd);
    }
  } catch (e) {
    return { kind: 'failed', error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}
