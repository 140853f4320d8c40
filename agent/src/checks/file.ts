import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { FileCheck } from '../../../extension/src/core/generated/protocol';
import type { CheckRunner } from '../context';
import { assertEqual, skipAll } from '../compare';
import { reportMatchers } from '../matchers/text';
import { msg } from '../messages';
import { readGroups, readPasswd } from '../system/passwd';

const MAX_CONTENTS = 10 * 1024 * 1024;

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
    if (wantExists) skipAll(ctx, properties(c), msg(ctx.lang, 'missingFile', c.path));
    return;
  }
  if (!wantExists) return;
  assertEqual(ctx, 'filetype', c.filetype, filetypeOf(stat));
  if (c.mode !== undefined) {
    assertEqual(ctx, 'mode', c.mode.padStart(4, '0'), (stat.mode & 0o7777).toString(8).padStart(4, '0'));
  }
  if (c.owner !== undefined) {
    const user = (await readPasswd().catch(() => [])).find((u) => u.uid === stat.uid);
    assertEqual(ctx, 'owner', c.owner, user?.name ?? String(stat.uid));
  }
  if (c.group !== undefined) {
    const group = (await readGroups().catch(() => [])).find((g) => g.gid === stat.gid);
    assertEqual(ctx, 'group', c.group, group?.name ?? String(stat.gid));
  }
  if (c.contents?.length) {
    const buf = await readFile(path);
    const text = buf.subarray(0, MAX_CONTENTS).toString('utf8');
    reportMatchers(ctx, 'contents', text, c.contents, c.path);
  }
};
