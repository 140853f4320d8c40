import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep, win32 } from 'node:path';

/** Why a path named by a pack is refused. */
export type PathViolation = 'nul' | 'empty' | 'absolute' | 'outside' | 'missing' | 'directory' | 'notFile' | 'notDirectory';

/** What a path must name: a regular file, a folder, or either (for a file that may not exist yet). */
export type PathKind = 'file' | 'directory';

/** A path resolved against its root: the real absolute path, or the reason it is refused. */
export type PathResult = { ok: true; abs: string } | { ok: false; violation: PathViolation };

/** Whether `child` (a real path) is `root` itself or lies under it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Real path of the longest existing prefix of `abs`, with the missing tail appended (symlinked parents are followed). */
function realPrefix(abs: string): { real: string; exists: boolean } {
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return { real: join(realpathSync(head), ...tail), exists: tail.length === 0 };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = dirname(head);
      if (parent === head) return { real: abs, exists: false };
      tail.unshift(head.slice(parent.length).replace(/^[\\/]/, ''));
      head = parent;
    }
  }
}

/** What is wrong with a path before touching the disk: NUL, empty, absolute, or `..` leading out. */
export function lexicalViolation(rel: string): PathViolation | undefined {
  if (rel.includes('\0')) return 'nul';
  if (rel.trim() === '') return 'empty';
  if (posix.isAbsolute(rel) || win32.isAbsolute(rel)) return 'absolute';
  return isInside(resolve('/root'), resolve('/root', rel)) ? undefined : 'outside';
}

/**
 * Resolves `rel` under `root` and checks it stays there once symlinks are followed. Only `stat`,
 * `lstat` and `realpath` are called: the file is never opened, so a FIFO or a device cannot block.
 * With `mustExist` false, a missing path that would stay inside is accepted.
 */
export function resolveInside(root: string, rel: string, kind: PathKind, mustExist = true): PathResult {
  const early = lexicalViolation(rel);
  if (early) return { ok: false, violation: early };
  const lexical = resolve(root, rel);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, violation: 'missing' };
  }
  let found: { real: string; exists: boolean };
  try {
    found = realPrefix(lexical);
  } catch (e) {
    // A symlink loop never resolves into the folder; other errors (EACCES) leave the path unusable.
    return { ok: false, violation: (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'outside' : 'missing' };
  }
  const { real, exists } = found;
  if (!isInside(realRoot, real)) return { ok: false, violation: 'outside' };
  if (!exists) return mustExist ? { ok: false, violation: 'missing' } : { ok: true, abs: real };
  const st = statSync(real);
  if (kind === 'directory') return st.isDirectory() ? { ok: true, abs: real } : { ok: false, violation: 'notDirectory' };
  if (st.isDirectory()) return { ok: false, violation: 'directory' };
  return st.isFile() ? { ok: true, abs: real } : { ok: false, violation: 'notFile' };
}

/** Whether a user-given path names a regular file, without opening it (no root applies). */
export function regularFile(abs: string): PathResult {
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return { ok: false, violation: 'directory' };
    return st.isFile() ? { ok: true, abs } : { ok: false, violation: 'notFile' };
  } catch {
    return { ok: false, violation: 'missing' };
  }
}
