import type { UserCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, expectSet, expectThat, skipBecause } from '../compare';
import { because } from '../reason';
import { groupsOf } from '../system/passwd';

/** user: a local account and its uid, gid, home, shell and groups. */
export const user: CheckRunner<UserCheck> = async (c, ctx) => {
  const source = ctx.system.paths.passwd;
  const entry = (await ctx.system.passwd()).find((u) => u.name === c.name);
  const wantExists = c.exists ?? true;
  assertEqual(ctx, 'exists', wantExists, entry !== undefined, entry ? { path: source, line: entry.line } : {});
  if (!entry || !wantExists) {
    if (!entry && wantExists) {
      const props = (['uid', 'gid', 'home', 'shell', 'groups'] as const).filter((k) => c[k] !== undefined);
      skipBecause(ctx, props, because('user.missing', { name: c.name }));
    }
    return;
  }
  const evidence = { path: source, line: entry.line };
  await expectThat(ctx, 'uid', c.uid, entry.uid, evidence);
  await expectThat(ctx, 'gid', c.gid, entry.gid, evidence);
  await expectThat(ctx, 'home', c.home, entry.home, evidence);
  await expectThat(ctx, 'shell', c.shell, entry.shell, evidence);
  // Groups are a set, primary group included: a plain list is exact in any order, `{contains: compta}` one membership.
  if (c.groups !== undefined) await expectSet(ctx, 'groups', c.groups, groupsOf(entry, await ctx.system.groups()));
};
