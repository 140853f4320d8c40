import type { LdapCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { LdapEntry } from '../system/ldif';
import type { LdapOutcome, LdapSearch } from '../system/ldap';
import { expectThat, skipBecause } from '../compare';
import { because, type Reason } from '../reason';
import { escapeFilter, normalizeDn } from '../system/ldif';

/** Entries read per search. */
const SIZE_LIMIT = 1000;

/** Asserted properties, in report order. */
function properties(c: LdapCheck): string[] {
  const attrs = Object.keys(c.attributes ?? {}).map((a) => `attributes.${a}`);
  const groups = (c.memberOf ?? []).map((_, i) => `memberOf[${i}]`);
  // `exists` is asserted (true by default) unless the check only counts entries, which may mean none.
  return [...(c.exists !== undefined || c.count === undefined ? ['exists'] : []), ...(c.count !== undefined ? ['count'] : []), ...attrs, ...groups];
}

/** Why a search gave no entries to judge, as a reason and a status (an unreachable directory fails; a missing client errs). */
function why(c: LdapCheck, r: Exclude<LdapOutcome, { kind: 'entries' }>, where: Record<string, unknown>): { status: 'fail' | 'error'; reason: Reason } {
  const redact = (t: string): string => (c.bindPassword ? t.split(c.bindPassword).join('***') : t);
  switch (r.kind) {
    case 'noSuchBase':
      return { status: 'fail', reason: because('ldap.noSuchBase', { ...where, matched: r.matched ?? '' }) };
    case 'bindFailed':
      return { status: 'fail', reason: because('ldap.bindFailed', { ...where, bindDn: c.bindDn ?? '', detail: redact(r.detail) }) };
    case 'unreachable':
      return { status: 'fail', reason: because('ldap.unreachable', { ...where, detail: redact(r.detail) }) };
    case 'noClient':
      return { status: 'error', reason: because('ldap.noClient') };
    default:
      return { status: 'error', reason: because('ldap.failed', { ...where, error: redact(r.error) }) };
  }
}

/** The groups an entry belongs to: its memberOf values, plus groups listing it as member, uniqueMember or memberUid. */
async function groupsOf(
  c: LdapCheck,
  ctx: CheckContext,
  entry: LdapEntry,
  search: LdapSearch,
): Promise<{ dns: string[]; cns: string[] } | Exclude<LdapOutcome, { kind: 'entries' }>> {
  const uid = entry.attributes.uid?.[0];
  const dn = escapeFilter(entry.dn);
  const filter = `(|(member=${dn})(uniqueMember=${dn})${uid ? `(memberUid=${escapeFilter(uid)})` : ''})`;
  const r = await ctx.system.ldapSearch({ ...search, base: c.groupBase ?? c.base, scope: 'sub', filter, attributes: ['cn'] }, ctx.signal);
  if (r.kind !== 'entries') return r;
  const dns = [...(entry.attributes.memberof ?? []), ...r.entries.map((g) => g.dn)];
  const cns = [...dns.map((d) => /^cn=([^,]+)/i.exec(d)?.[1] ?? ''), ...r.entries.flatMap((g) => g.attributes.cn ?? [])].filter(Boolean);
  return { dns, cns };
}

/** ldap: an entry exists, its attributes, its group membership, through ldapsearch (Goss has no such type). */
export const ldap: CheckRunner<LdapCheck> = async (c, ctx) => {
  const props = properties(c);
  const where = { uri: c.uri ?? 'ldap://127.0.0.1', base: c.base, filter: c.filter ?? '(objectClass=*)' };
  const wanted = Object.keys(c.attributes ?? {});
  const search: LdapSearch = {
    ...where,
    scope: c.scope ?? 'sub',
    attributes: wanted.length || c.memberOf ? ['*', 'memberOf'] : ['1.1'],
    bindDn: c.bindDn,
    bindPassword: c.bindPassword,
    timeoutMs: ctx.timeoutMs,
    sizeLimit: SIZE_LIMIT,
  };
  const r = await ctx.system.ldapSearch(search, ctx.signal);
  if (ctx.signal.aborted) return;
  if (r.kind !== 'entries') {
    const { status, reason } = why(c, r, where);
    // A missing base is an answer: nothing exists under it.
    if (r.kind === 'noSuchBase' && props[0] === 'exists') await expectThat(ctx, 'exists', c.exists ?? true, false);
    for (const property of props.filter((p) => !(r.kind === 'noSuchBase' && p === 'exists'))) ctx.report({ property, status, actual: null, reason });
    return;
  }
  const entry = r.entries[0];
  if (props[0] === 'exists') await expectThat(ctx, 'exists', c.exists ?? true, entry !== undefined, {});
  await expectThat(ctx, 'count', c.count, r.truncated ? { atLeast: r.entries.length } : r.entries.length);
  const rest = props.filter((p) => p.startsWith('attributes.') || p.startsWith('memberOf['));
  if (!entry) return skipBecause(ctx, rest, because('ldap.noEntry', where));
  for (const name of wanted) {
    const values = entry.attributes[name.toLowerCase()];
    await expectThat(ctx, `attributes.${name}`, c.attributes![name], values === undefined ? null : values.length === 1 ? values[0] : values);
  }
  if (!c.memberOf?.length) return;
  const groups = await groupsOf(c, ctx, entry, search);
  if ('kind' in groups) {
    const { status, reason } = why(c, groups, where);
    for (const property of rest.filter((p) => p.startsWith('memberOf['))) ctx.report({ property, status, actual: null, reason });
    return;
  }
  c.memberOf.forEach((g, i) => {
    const ok = g.includes('=') ? groups.dns.some((d) => normalizeDn(d) === normalizeDn(g)) : groups.cns.some((n) => n.toLowerCase() === g.toLowerCase());
    const params = { dn: entry.dn, group: g };
    ctx.report({
      property: `memberOf[${i}]`,
      status: ok ? 'pass' : 'fail',
      expected: g,
      actual: groups.dns,
      reason: because(ok ? 'ldap.member' : 'ldap.notMember', params),
    });
  });
};
