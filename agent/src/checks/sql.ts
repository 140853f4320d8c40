import type { SqlCheck } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { SqlOutcome } from '../system/sql';
import { expectThat } from '../compare';
import { evaluate } from '../matchers/evaluate';
import { because, type Reason } from '../reason';

type Cell = string | number | null;

/** A cell as checks compare it: canonical numbers as numbers, the rest as text. */
export function cell(text: string | null): Cell {
  if (text === null || text.trim() !== text || text === '') return text;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/** Asserted properties, in report order. */
function properties(c: SqlCheck): string[] {
  const asserted = (['rowCount', 'value', 'rows'] as const).filter((k) => c[k] !== undefined);
  return asserted.length ? asserted : ['query'];
}

/** Whether every row matches its pattern (same count, each named column satisfying its matcher). */
async function rowsMatch(
  ctx: CheckContext,
  patterns: NonNullable<SqlCheck['rows']>,
  rows: Array<Record<string, Cell>>,
): Promise<{ ok: boolean; error?: Reason }> {
  if (patterns.length !== rows.length) return { ok: false };
  for (const [i, pattern] of patterns.entries()) {
    for (const [column, matcher] of Object.entries(pattern)) {
      if (!(column in rows[i])) return { ok: false };
      const v = await evaluate(matcher, rows[i][column], ctx);
      if (v.error) return { ok: false, error: v.error };
      if (!v.ok) return { ok: false };
    }
  }
  return { ok: true };
}

/** sql: a query through psql or mariadb/mysql; row count, first value, rows. */
export const sql: CheckRunner<SqlCheck> = async (c, ctx) => {
  const engine = c.engine === 'postgresql' ? 'postgresql' : 'mysql';
  const host = c.host ?? '127.0.0.1';
  const where = {
    engine: c.engine,
    host,
    port: c.port ?? (host.startsWith('/') ? '' : engine === 'postgresql' ? 5432 : 3306),
    database: c.database ?? '',
    user: c.user ?? '',
  };
  const r: SqlOutcome = await ctx.system.sql(
    { engine, host, port: c.port, database: c.database, user: c.user, password: c.password, query: c.query, timeoutMs: ctx.timeoutMs },
    ctx.signal,
  );
  if (ctx.signal.aborted) return;
  const props = properties(c);
  if (r.kind !== 'rows') {
    const redact = (t: string): string => (c.password ? t.split(c.password).join('***') : t);
    const reason =
      r.kind === 'authFailed'
        ? because('sql.authFailed', { ...where, detail: redact(r.detail) })
        : r.kind === 'unreachable'
          ? because('sql.unreachable', { ...where, detail: redact(r.detail) })
          : r.kind === 'queryFailed'
            ? because('sql.queryFailed', { ...where, error: redact(r.error) })
            : because('sql.noClient', { client: r.engine });
    // A server that refuses or is down is the learner's to fix (fail); a broken query or a missing client is not (error).
    const status = r.kind === 'authFailed' || r.kind === 'unreachable' ? 'fail' : 'error';
    for (const property of props) ctx.report({ property, status, actual: null, reason });
    return;
  }
  const rows = r.rows.map((row) => Object.fromEntries(r.columns.map((name, i) => [name, cell(row[i] ?? null)])));
  if (props[0] === 'query')
    ctx.report({ property: 'query', status: 'pass', actual: { rowCount: rows.length }, reason: because('sql.ran', { ...where, rowCount: rows.length }) });
  await expectThat(ctx, 'rowCount', c.rowCount, rows.length);
  await expectThat(ctx, 'value', c.value, r.rows.length && r.columns.length ? cell(r.rows[0][0]) : null);
  if (c.rows === undefined) return;
  const v = await rowsMatch(ctx, c.rows, rows);
  const status = v.error ? 'error' : v.ok ? 'pass' : 'fail';
  ctx.report({
    property: 'rows',
    status,
    expected: c.rows,
    actual: rows.slice(0, 50),
    reason: v.error ?? because(v.ok ? 'pass' : 'mismatch', { property: 'rows', expected: c.rows, actual: rows.slice(0, 50) }),
  });
};
