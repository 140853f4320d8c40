import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { skipBecause } from '../compare';
import { because, type Reason } from '../reason';
import { createSandbox } from '../sandbox/dir';
import { diffManifests, manifest, TreeTooLarge } from '../sandbox/manifest';
import { isRoot } from '../sandbox/spawn-as';
import { archiveKind, extractArchive, listArchive, newestMatch, normaliseEntry, type ArchiveKind } from '../system/archive';

/** Asserted properties after `exists`, in report order. */
function properties(c: BackupCheck): string[] {
  return [
    ...(c.maxAgeHours !== undefined ? ['maxAgeHours'] : []),
    ...(c.contains ?? []).map((_, i) => `contains[${i}]`),
    ...(c.matchesSource ? ['matchesSource'] : []),
  ];
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** A read refused to a non-root agent says so, with the fix; other failures carry their errno. */
function readFailure(e: unknown, path: string): Reason {
  const code = errno(e);
  return (code === 'EACCES' || code === 'EPERM') && !isRoot() ? because('backup.needsRoot', { path }) : because('backup.readFailed', { path, error: code });
}

/** backup: an archive exists, is recent, lists the given paths, restores in a sandbox and matches its source tree. */
export const backup: CheckRunner<BackupCheck> = async (c, ctx) => {
  const found = await newestMatch(c.archive);
  if (!found) {
    ctx.report({ property: 'exists', status: 'fail', expected: c.archive, actual: null, reason: because('backup.noArchive', { archive: c.archive }) });
    skipBecause(ctx, properties(c), because('backup.noArchive', { archive: c.archive }));
    return;
  }
  const path = found.path;
  ctx.report({ property: 'exists', status: 'pass', expected: c.archive, actual: path, reason: because('pass', { property: 'exists' }), path });
  if (c.maxAgeHours !== undefined) {
    const ageHours = Math.round(((Date.now() - found.mtimeMs) / 3_600_000) * 100) / 100;
    const ok = ageHours < c.maxAgeHours;
    const reason = ok ? because('pass', { property: 'maxAgeHours' }) : because('backup.tooOld', { path, ageHours, maxAgeHours: c.maxAgeHours });
    ctx.report({ property: 'maxAgeHours', status: ok ? 'pass' : 'fail', expected: { lt: c.maxAgeHours }, actual: ageHours, reason, path });
  }
  let kind: ArchiveKind;
  try {
    kind = await archiveKind(path);
  } catch (e) {
    const why = readFailure(e, path);
    for (const property of properties(c).filter((p) => p !== 'maxAgeHours')) ctx.report({ property, status: 'error', actual: null, reason: why });
    return;
  }
  await checkContains(c, ctx, path, kind);
  if (c.matchesSource) await checkRestore(c, c.matchesSource, ctx, path, kind);
};

/** Each `contains` path is an entry of the archive, or has entries under it. */
async function checkContains(c: BackupCheck, ctx: CheckContext, path: string, kind: ArchiveKind): Promise<void> {
  if (!c.contains?.length) return;
  const listing = await listArchive(path, kind, ctx.signal);
  if (ctx.signal.aborted) return;
  const props = c.contains.map((_, i) => `contains[${i}]`);
  if (listing.kind === 'failed') {
    const reason = listing.missingTool
      ? because('backup.toolMissing', { tool: listing.tool })
      : because('backup.unreadableArchive', { path, tool: listing.tool, detail: listing.detail });
    for (const property of props) ctx.report({ property, status: 'error', actual: null, reason, path });
    return;
  }
  const entries = new Set(listing.entries.map(normaliseEntry));
  c.contains.forEach((want, i) => {
    const p = normaliseEntry(want);
    const ok = entries.has(p) || [...entries].some((e) => e.startsWith(p + '/'));
    const property = props[i];
    if (ok) ctx.report({ property, status: 'pass', expected: want, actual: p, reason: because('pass', { property }), path });
    else if (listing.truncated)
      ctx.report({ property, status: 'error', expected: want, actual: null, reason: because('backup.listingTruncated', { path }), path });
    else ctx.report({ property, status: 'fail', expected: want, actual: null, reason: because('backup.missingEntry', { entry: want, path }), path });
  });
}

/** Restores into a sandbox and compares the archive's copy of the source with the source itself. */
async function checkRestore(c: BackupCheck, source: string, ctx: CheckContext, path: string, kind: ArchiveKind): Promise<void> {
  const property = 'matchesSource';
  const fail = (status: 'fail' | 'error', reason: Reason, actual: unknown = null): void =>
    ctx.report({ property, status, expected: source, actual, reason, path });
  let box;
  try {
    box = await createSandbox();
  } catch (e) {
    return fail('error', because('backup.sandboxFailed', { error: errno(e) }));
  }
  try {
    const restored = await extractArchive(path, kind, box.work, ctx.signal);
    if (ctx.signal.aborted) return;
    if (!restored.ok) {
      return fail(
        'error',
        restored.missingTool
          ? because('backup.toolMissing', { tool: restored.tool })
          : because('backup.restoreFailed', { path, tool: restored.tool, detail: restored.detail }),
      );
    }
    const root = await restoredRoot(c, source, box.work);
    let expected;
    try {
      expected = await manifest(source, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) return;
      return fail('error', e instanceof TreeTooLarge ? because('backup.treeTooLarge', { path: source }) : readFailure(e, source));
    }
    const actual = await manifest(join(box.work, root), ctx.signal);
    const differences = diffManifests(expected, actual, ['type', 'size', 'sha256', 'mode', 'target']);
    if (differences.length === 0) {
      ctx.report({
        property,
        status: 'pass',
        expected: source,
        actual: { root: root || '.', entries: actual.size },
        reason: because('pass', { property }),
        path,
      });
      return;
    }
    fail('fail', because('backup.treeDiffers', { source, count: differences.length, path: differences[0].path, what: differences[0].what }), {
      root: root || '.',
      count: differences.length,
      differences: differences.slice(0, 10),
    });
  } catch (e) {
    if (ctx.signal.aborted) return;
    fail(
      'error',
      e instanceof TreeTooLarge ? because('backup.treeTooLarge', { path }) : because('backup.restoreFailed', { path, tool: 'agent', detail: errno(e) }),
    );
  } finally {
    await box.dispose();
  }
}

/** The folder of the restored tree that copies `source`: `root` if given, else `srv/data`, then `data`, else the top. */
async function restoredRoot(c: BackupCheck, source: string, work: string): Promise<string> {
  if (c.root !== undefined) return normaliseEntry(c.root).split('/').includes('..') ? '' : normaliseEntry(c.root);
  for (const candidate of [normaliseEntry(source), basename(source)]) {
    if (candidate && (await stat(join(work, candidate)).catch(() => null))?.isDirectory()) return candidate;
  }
  return '';
}
