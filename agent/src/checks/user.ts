import type { UserCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, skipBecause } from '../compare';
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
  assertEqual(ctx, 'uid', c.uid, entry.uid, evidence);
  assertEqual(ctx, 'gid', c.gid, entry.gid, evidence);
  assertEqual(ctx, 'home', c.home, entry.home, evidence);
  assertEqual(ctx, 'shell', c.shell, entry.shell, evidence);
  if (c.groups) assertEqual(ctx, 'groups', [...c.groups].sort(), groupsOf(entry, await ctx.system.groups()));
};
