import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { filetypeName } from './read-bounded';

/** A file's SHA-256, or why it has none (not a regular file, unreadable, the check's deadline). */
export type FileHash = { kind: 'hash'; hex: string } | { kind: 'notRegular'; filetype: string } | { kind: 'failed'; error: string } | { kind: 'aborted' };

const CHUNK = 1024 * 1024;

/**
 * Hashes a regular file in 1 MiB reads, stopping at the check's deadline. Opened non-blocking and checked on the
 * descriptor, as readBounded does: a FIFO or a device is refused before a byte is read.
 */
export async function sha256File(path: string, signal: AbortSignal): Promise<FileHash> {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    try {
      const s = await handle.stat();
      if (!s.isFile()) return { kind: 'notRegular', filetype: filetypeName(s) };
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(s.size, 1)));
      for (;;) {
        if (signal.aborted) return { kind: 'aborted' };
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
      }
      return { kind: 'hash', hex: hash.digest('hex') };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { kind: 'failed', error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}
