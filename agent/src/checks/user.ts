import type { UserCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import { assertEqual, errorAll, expectSet, expectThat, skipBecause } from '../compare';
import { because } from '../reason';
import { groupsOf } from '../system/passwd';
import { hashAlgorithm, isLocked, type ShadowEntry } from '../system/shadow';

/** Properties read from /etc/passwd and /etc/group, then those read from /etc/shadow (root only). */
const PASSWD_PROPS = ['uid', 'gid', 'home', 'shell', 'groups'] as const;
const SHADOW_PROPS = ['locked', 'passwordHash', 'minDays', 'maxDays', 'warnDays', 'expires'] as const;

/** The value of each shadow property for one entry. */
function shadowValues(e: ShadowEntry): Record<(typeof SHADOW_PROPS)[number], unknown> {
  return { locked: isLocked(e.hash), passwordHash: hashAlgorithm(e.hash), minDays: e.minDays, maxDays: e.maxDays, warnDays: e.warnDays, expires: e.expires };
}

/** Asserts the password state from /etc/shadow; unreadable without root, which is an error saying so. */
async function passwordState(c: UserCheck, ctx: CheckContext): Promise<void> {
  const props = SHADOW_PROPS.filter((k) => c[k] !== undefined);
  if (!props.length) return;
  const source = ctx.system.paths.shadow;
  let entries: ShadowEntry[];
  try {
    entries = await ctx.system.shadow();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? because('user.shadowNeedsRoot', { path: source, name: c.name })
        : because('readFailed', { path: source, error: code });
    for (const property of props) errorAll(ctx, [property], reason, c[property]);
    return;
  }
  const entry = entries.find((s) => s.name === c.name);
  if (!entry) {
    for (const property of props) errorAll(ctx, [property], because('user.noShadowEntry', { path: source, name: c.name }), c[property]);
    return;
  }
  const values = shadowValues(entry);
  for (const property of props) await expectThat(ctx, property, c[property], values[property], { path: source, line: entry.line });
}

/** user: a local account, its uid, gid, home, shell and groups, and its password state (locked, hash, ageing). */
export const user: CheckRunner<UserCheck> = async (c, ctx) => {
  const source = ctx.system.paths.passwd;
  const entry = (await ctx.system.passwd()).find((u) => u.name === c.name);
  const wantExists = c.exists ?? true;
  assertEqual(ctx, 'exists', wantExists, entry !== undefined, entry ? { path: source, line: entry.line } : {});
  if (!entry || !wantExists) {
    if (!entry && wantExists) {
      const props = [...PASSWD_PROPS, ...SHADOW_PROPS].filter((k) => c[k] !== undefined);
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
  await passwordState(c, ctx);
};
