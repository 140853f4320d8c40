import type { Matcher, MountCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { Mount } from '../system/mounts';
import { expectThat, skipBecause } from '../compare';
import { because } from '../reason';

/** A mount point without its trailing slash (`/srv/` is `/srv`). */
const normalise = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

/** mount: a mounted file system, its source, type, options and space used (Goss `mount`, read from /proc/self/mounts). */
export const mount: CheckRunner<MountCheck> = async (c, ctx) => {
  const want = c.exists ?? true;
  const asserted = (['source', 'filesystem', 'opts', 'usage'] as const).filter((k) => c[k] !== undefined);
  let all: Mount[];
  try {
    all = await ctx.system.mounts();
  } catch (e) {
    const reason = because('mount.unreadable', { path: ctx.system.paths.mounts, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    ctx.report({ property: 'exists', status: 'error', expected: want, actual: null, reason });
    skipBecause(ctx, asserted, reason);
    return;
  }
  // The last mount on a path hides the earlier ones: it is the one in use. /proc/self/mounts has one mount per line.
  const index = all.map((m) => m.target).lastIndexOf(normalise(c.mountPoint));
  const m = index >= 0 ? all[index] : undefined;
  const evidence = m ? { path: ctx.system.paths.mounts, line: index + 1 } : {};
  await expectThat(ctx, 'exists', want, m !== undefined, evidence);
  if (!m) {
    if (want) skipBecause(ctx, asserted, because('mount.notMounted', { mountPoint: c.mountPoint }));
    return;
  }
  if (!want) return;
  await expectThat(ctx, 'source', c.source, m.source, evidence);
  await expectThat(ctx, 'filesystem', c.filesystem, m.fstype, evidence);
  // As in Goss, a plain list of options means "has each of these", in any order, among others.
  const opts = (Array.isArray(c.opts) ? { allOf: c.opts.map((o) => ({ contains: o })) } : c.opts) as Matcher | undefined;
  await expectThat(ctx, 'opts', opts, m.options, evidence);
  if (c.usage === undefined) return;
  try {
    await expectThat(ctx, 'usage', c.usage, await ctx.system.mountUsage(m.target), evidence);
  } catch (e) {
    const reason = because('mount.statfsFailed', { mountPoint: m.target, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    ctx.report({ property: 'usage', status: 'error', expected: c.usage, actual: null, reason, ...evidence });
  }
};
