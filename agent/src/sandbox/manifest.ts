import { crypto } from '../lazy';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** One path of a tree as compared: its type, size, content hash, permission bits and link target. */
export interface ManifestEntry {
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  sha256?: string;
  mode: number;
  target?: string;
}

/** A tree's entries by relative path (`a/b.txt`), the root itself excluded. */
export type Manifest = Map<string, ManifestEntry>;

/** More entries than a tree may have: past it the comparison stops instead of exhausting memory. */
export const MAX_MANIFEST_ENTRIES = 200_000;

/** Thrown when a tree has more than MAX_MANIFEST_ENTRIES entries. */
export class TreeTooLarge extends Error {}

/** SHA-256 of a regular file, streamed; stops when the signal aborts. */
function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto().createHash('sha256');
    // Node 18's createReadStream takes no signal: the stream is destroyed on abort instead.
    const stream = createReadStream(path);
    const stop = (): void => void stream.destroy(new Error('aborted'));
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    stream.on('data', (b) => hash.update(b));
    stream.on('error', (e) => {
      signal?.removeEventListener('abort', stop);
      reject(e);
    });
    stream.on('end', () => {
      signal?.removeEventListener('abort', stop);
      resolve(hash.digest('hex'));
    });
  });
}

/** Walks `root` without following symbolic links and records every entry; fs errors (EACCES) reject. */
export async function manifest(root: string, signal?: AbortSignal): Promise<Manifest> {
  const out: Manifest = new Map();
  const walk = async (rel: string): Promise<void> => {
    const names = (await readdir(rel ? join(root, rel) : root)).sort();
    for (const name of names) {
      signal?.throwIfAborted();
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(root, path);
      const st = await lstat(abs);
      if (out.size >= MAX_MANIFEST_ENTRIES) throw new TreeTooLarge(`more than ${MAX_MANIFEST_ENTRIES} entries under ${root}`);
      const mode = st.mode & 0o7777;
      if (st.isDirectory()) {
        out.set(path, { type: 'directory', size: 0, mode });
        await walk(path);
      } else if (st.isFile()) out.set(path, { type: 'file', size: st.size, sha256: await hashFile(abs, signal), mode });
      else if (st.isSymbolicLink()) out.set(path, { type: 'symlink', size: 0, mode: 0, target: await readlink(abs) });
      else out.set(path, { type: 'other', size: 0, mode });
    }
  };
  await walk('');
  return out;
}

/** One difference between two trees, as evidence. */
export interface Difference {
  path: string;
  what: 'missing' | 'extra' | 'type' | 'size' | 'sha256' | 'mode' | 'target';
  expected?: unknown;
  actual?: unknown;
}

/** The fields compared; `mode` only when permissions matter (a backup), not for a script's second run. */
export type Field = 'type' | 'size' | 'sha256' | 'mode' | 'target';

/** Differences from `expected` to `actual`, in path order: missing, extra, then the first differing field per path. */
export function diffManifests(expected: Manifest, actual: Manifest, fields: Field[]): Difference[] {
  const out: Difference[] = [];
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const path of paths) {
    const e = expected.get(path);
    const a = actual.get(path);
    if (!a) {
      out.push({ path, what: 'missing' });
      continue;
    }
    if (!e) {
      out.push({ path, what: 'extra' });
      continue;
    }
    const field = fields.find((f) => e[f] !== a[f]);
    if (field) {
      const show = (v: unknown): unknown => (field === 'mode' && typeof v === 'number' ? v.toString(8).padStart(4, '0') : v);
      out.push({ path, what: field, expected: show(e[field]), actual: show(a[field]) });
    }
  }
  return out;
}
