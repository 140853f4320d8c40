import type { SnmpCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { SnmpRequest, SnmpV3 } from '../system/snmp';
import { expectThat } from '../compare';
import { because } from '../reason';

/** Rows of a walk kept for assertions. */
const MAX_ROWS = 10_000;

function v3Of(c: SnmpCheck): SnmpV3 | undefined {
  if (c.version !== '3') return undefined;
  const level = c.securityLevel ?? (c.privPassword ? 'authPriv' : c.authPassword ? 'authNoPriv' : 'noAuthNoPriv');
  return {
    user: c.user ?? '',
    level,
    ...(level !== 'noAuthNoPriv' ? { authProtocol: c.authProtocol ?? 'SHA', authPassword: c.authPassword ?? '' } : {}),
    ...(level === 'authPriv' ? { privProtocol: c.privProtocol ?? 'AES', privPassword: c.privPassword ?? '' } : {}),
  };
}

/** Replaces every secret of the check in a tool's message: a client may echo what it was given. */
function redact(c: SnmpCheck, text: string): string {
  return [c.community, c.authPassword, c.privPassword].filter((s): s is string => !!s).reduce((t, s) => t.split(s).join('***'), text);
}

/** snmp: GET or WALK of an OID (v1, v2c community or v3 user), value matchers; secrets never reported. */
export const snmp: CheckRunner<SnmpCheck> = async (c, ctx) => {
  const property = c.walk !== undefined ? 'walk' : 'value';
  const where = { host: c.host ?? '127.0.0.1', port: c.port ?? 161, version: c.version ?? '2c', oid: c.oid, ...(c.user ? { user: c.user } : {}) };
  if (where.version === '3' && !c.user) {
    ctx.report({ property, status: 'error', actual: null, reason: because('snmp.v3NeedsUser', where) });
    return;
  }
  const req: SnmpRequest = {
    ...where,
    community: c.community ?? 'public',
    v3: v3Of(c),
    walk: c.walk !== undefined,
    timeoutMs: ctx.timeoutMs,
    maxRows: MAX_ROWS,
  };
  const r = await ctx.system.snmp(req, ctx.signal);
  if (ctx.signal.aborted) return;
  if (r.kind !== 'values') {
    // No answer and a refused user are the learner's to fix (fail); a missing client or a broken exchange is not (error).
    const reason =
      r.kind === 'timeout'
        ? because('snmp.timeout', where)
        : r.kind === 'authFailed'
          ? because('snmp.authFailed', { ...where, detail: redact(c, r.detail) })
          : r.kind === 'noClient'
            ? because('snmp.noClient', where)
            : because('snmp.failed', { ...where, error: redact(c, r.error) });
    const status = r.kind === 'timeout' || r.kind === 'authFailed' ? 'fail' : 'error';
    ctx.report({ property, status, expected: c[property] ?? null, actual: null, reason });
    return;
  }
  if (c.walk !== undefined) {
    if (r.truncated) return ctx.report({ property, status: 'error', actual: null, reason: because('snmp.walkTooLong', { ...where, rows: MAX_ROWS }) });
    const values = r.varbinds.map((v) => v.value);
    await expectThat(ctx, 'walk', c.walk, values);
    return;
  }
  const vb = r.varbinds[0];
  if (!vb || vb.exception) {
    ctx.report({
      property,
      status: 'fail',
      expected: c.value ?? 'a value',
      actual: null,
      reason: because('snmp.noSuchOid', { ...where, exception: vb?.exception ?? 'noSuchObject' }),
    });
    return;
  }
  if (c.value === undefined) ctx.report({ property, status: 'pass', actual: vb.value, reason: because('snmp.answered', { ...where, value: vb.value }) });
  else await expectThat(ctx, 'value', c.value, vb.value);
};
