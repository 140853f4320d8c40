import { lstat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { FileCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, errorAll, skipBecause } from '../compare';
import { MAX_CONTENTS } from '../limits';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';
import { readBounded } from '../system/read-bounded';

/** The file types a check may assert; FIFOs, sockets and devices are all `other`. */
function filetypeOf(s: import('node:fs').Stats): string {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'directory';
  if (s.isFile()) return 'file';
  return 'other';
}

/** Asserted properties of a file check, in report order. */
function properties(c: FileCheck): string[] {
  const p = ['filetype', 'mode', 'owner', 'group'].filter((k) => c[k as keyof FileCheck] !== undefined);
  return [...p, ...(c.contents ?? []).map((_, i) => `contents[${i}]`)];
}

/** file: existence, type, mode, owner, group and contents of a path (relative paths use the workspace). */
export const file: CheckRunner<FileCheck> = async (c, ctx) => {
  const path = isAbsolute(c.path) ? c.path : resolve(ctx.cwd, c.path);
  const stat = await lstat(path).catch(() => null);
  const wantExists = c.exists ?? true;
  assertEqual(ctx, 'exists', wantExists, stat !== null);
  if (!stat) {
    if (wantExists) skipBecause(ctx, properties(c), because('file.missing', { path: c.path }));
    return;
  }
  if (!wantExists) return;
  assertEqual(ctx, 'filetype', c.filetype, filetypeOf(stat));
  if (c.mode !== undefined) {
    assertEqual(ctx, 'mode', c.mode.padStart(4, '0'), (stat.mode & 0o7777).toString(8).padStart(4, '0'));
  }
  if (c.owner !== undefined) {
    const owner = (await ctx.system.passwd().catch(() => [])).find((u) => u.uid === stat.uid);
    assertEqual(ctx, 'owner', c.owner, owner?.name ?? String(stat.uid));
  }
  if (c.group !== undefined) {
    const group = (await ctx.system.groups().catch(() => [])).find((g) => g.gid === stat.gid);
    assertEqual(ctx, 'group', c.group, group?.name ?? String(stat.gid));
  }
  if (!c.contents?.length) return;
  const read = await readBounded(path, MAX_CONTENTS, ctx.signal, stat);
  if (read.kind === 'aborted') return;
  if (read.kind !== 'text') {
    const reason = read.kind === 'notRegular' ? because('file.notRegular', { path: c.path, filetype: read.filetype }) : because('readFailed', { path: c.path, error: read.error });
    c.contents.forEach((m, i) => errorAll(ctx, [`contents[${i}]`], reason, m));
    return;
  }
  await reportMatchers(ctx, 'contents', { text: read.text, truncated: read.truncated ? { limit: MAX_CONTENTS } : undefined }, c.contents, c.path);
};
