import { lstat, readlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { FileAccess, FileCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { assertEqual, errorAll, expectSet, expectThat, skipBecause } from '../compare';
import { MAX_CONTENTS } from '../limits';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';
import { readBounded } from '../system/read-bounded';
import { sha256File } from '../system/file-hash';

/** The file types a check may assert; FIFOs, sockets and devices are all `other`. */
function filetypeOf(s: Stats): string {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'directory';
  if (s.isFile()) return 'file';
  return 'other';
}

const CLASSES = ['owner', 'group', 'others'] as const;
const BITS = { read: 4, write: 2, execute: 1 } as const;

/** The classes of users that have one permission bit, in owner, group, others order. */
export function classesWith(mode: number, bit: keyof typeof BITS): string[] {
  return CLASSES.filter((_, i) => (mode >> (6 - 3 * i)) & BITS[bit]);
}

/** The `permissions.<class>.<bit>` properties a check asserts, with the wanted value. */
function permissionAsserts(c: FileCheck): Array<[string, boolean, string, keyof typeof BITS]> {
  return CLASSES.flatMap((who) =>
    Object.entries((c.permissions?.[who] ?? {}) as FileAccess).map(
      ([bit, want]) => [`permissions.${who}.${bit}`, want as boolean, who, bit as keyof typeof BITS] as [string, boolean, string, keyof typeof BITS],
    ),
  );
}

/** Asserted properties of a file check besides `exists`, in report order. */
function properties(c: FileCheck): string[] {
  const p = ['filetype', 'mode', 'owner', 'group', 'uid', 'gid', 'size', 'linkedTo', 'readableBy', 'writableBy', 'executableBy'].filter(
    (k) => c[k as keyof FileCheck] !== undefined,
  );
  return [
    ...p,
    ...permissionAsserts(c).map(([property]) => property),
    ...(c.sha256 !== undefined ? ['sha256'] : []),
    ...(c.contents ?? []).map((_, i) => `contents[${i}]`),
  ];
}

/** The owner's and group's names, or their ids when the target has no such entry. */
async function ownerNames(ctx: CheckContext, stat: Stats): Promise<{ owner: string; group: string }> {
  const owner = (await ctx.system.passwd().catch(() => [])).find((u) => u.uid === stat.uid);
  const group = (await ctx.system.groups().catch(() => [])).find((g) => g.gid === stat.gid);
  return { owner: owner?.name ?? String(stat.uid), group: group?.name ?? String(stat.gid) };
}

/** Asserts the SHA-256 of a regular file (a hex string compares in any case). */
async function checksum(ctx: CheckContext, path: string, c: FileCheck): Promise<void> {
  const h = await sha256File(path, ctx.signal);
  if (h.kind === 'aborted') return;
  if (h.kind === 'hash') return expectThat(ctx, 'sha256', typeof c.sha256 === 'string' ? c.sha256.toLowerCase() : c.sha256, h.hex);
  const reason =
    h.kind === 'notRegular' ? because('file.notRegular', { path: c.path, filetype: h.filetype }) : because('readFailed', { path: c.path, error: h.error });
  errorAll(ctx, ['sha256'], reason, c.sha256);
}

/** file: existence, type, mode and permissions, owner, group and contents of a path (relative paths use the workspace). */
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
  await expectThat(ctx, 'filetype', c.filetype, filetypeOf(stat));
  const mode = stat.mode & 0o7777;
  // A plain mode keeps its old reading: `640` and `0640` are the same mode.
  await expectThat(ctx, 'mode', typeof c.mode === 'string' ? c.mode.padStart(4, '0') : c.mode, mode.toString(8).padStart(4, '0'));
  if (c.owner !== undefined || c.group !== undefined) {
    const names = await ownerNames(ctx, stat);
    await expectThat(ctx, 'owner', c.owner, names.owner);
    await expectThat(ctx, 'group', c.group, names.group);
  }
  await expectThat(ctx, 'uid', c.uid, stat.uid);
  await expectThat(ctx, 'gid', c.gid, stat.gid);
  await expectThat(ctx, 'size', c.size, stat.size);
  // The link as written (readlink), not resolved: `linkedTo: /etc/nginx/sites-available/tssr`.
  if (c.linkedTo !== undefined) await expectThat(ctx, 'linkedTo', c.linkedTo, stat.isSymbolicLink() ? await readlink(path).catch(() => null) : null);
  await expectSet(ctx, 'readableBy', c.readableBy, classesWith(mode, 'read'));
  await expectSet(ctx, 'writableBy', c.writableBy, classesWith(mode, 'write'));
  await expectSet(ctx, 'executableBy', c.executableBy, classesWith(mode, 'execute'));
  for (const [property, want, who, bit] of permissionAsserts(c)) assertEqual(ctx, property, want, classesWith(mode, bit).includes(who));
  if (c.sha256 !== undefined) await checksum(ctx, path, c);
  if (!c.contents?.length) return;
  const read = await readBounded(path, MAX_CONTENTS, ctx.signal, stat);
  if (read.kind === 'aborted') return;
  if (read.kind !== 'text') {
    const reason =
      read.kind === 'notRegular'
        ? because('file.notRegular', { path: c.path, filetype: read.filetype })
        : because('readFailed', { path: c.path, error: read.error });
    c.contents.forEach((m, i) => errorAll(ctx, [`contents[${i}]`], reason, m));
    return;
  }
  await reportMatchers(ctx, 'contents', { text: read.text, truncated: read.truncated ? { limit: MAX_CONTENTS } : undefined }, c.contents, c.path);
};
