import type { GroupCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, errorAll, expectSet, expectThat, skipBecause } from '../compare';
import { because } from '../reason';

/** group: a local group, its gid and its listed members (/etc/group). */
export const group: CheckRunner<GroupCheck> = async (c, ctx) => {
  const source = ctx.system.paths.group;
  let groups;
  try {
    groups = await ctx.system.groups();
  } catch (e) {
    errorAll(ctx, ['exists'], because('readFailed', { path: source, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), c.exists ?? true);
    return;
  }
  const entry = groups.find((g) => g.name === c.name);
  const wantExists = c.exists ?? true;
  assertEqual(ctx, 'exists', wantExists, entry !== undefined, entry ? { path: source, line: entry.line } : {});
  if (!entry) {
    if (wantExists)
      skipBecause(
        ctx,
        (['gid', 'members'] as const).filter((k) => c[k] !== undefined),
        because('group.missing', { name: c.name }),
      );
    return;
  }
  if (!wantExists) return;
  const evidence = { path: source, line: entry.line };
  await expectThat(ctx, 'gid', c.gid, entry.gid, evidence);
  // Members are a set: the order of /etc/group carries no meaning.
  await expectSet(ctx, 'members', c.members, entry.members, evidence);
};
