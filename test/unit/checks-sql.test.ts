import assert from 'node:assert/strict';
import { cell, sql } from '../../agent/src/checks/sql';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { mysqlArgs, mysqlOptionFile, psqlArgs, type SqlOutcome, type SqlQuery } from '../../agent/src/system/sql';
import { parseMysqlBatch, parsePsqlCsv } from '../../agent/src/system/sql-output';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

/** A server answering from a table, with the usual refusals. */
function server(q: SqlQuery): SqlOutcome {
  if (q.host === 'down') return { kind: 'unreachable', detail: 'connection refused' };
  if (q.password !== undefined && q.password !== 'Glp1-TSSR')
    return { kind: 'authFailed', detail: `Access denied for user 'glpi' (using password: ${q.password})` };
  if (q.query.includes('nope')) return { kind: 'queryFailed', error: "ERROR 1146 (42S02): Table glpi.nope doesn't exist" };
  if (q.query.includes('WHERE 1=0')) return { kind: 'rows', columns: ['name'], rows: [] };
  return {
    kind: 'rows',
    columns: ['name', 'is_active', 'comment'],
    rows: [
      ['tech1', '1', null],
      ['tech2', '0', 'stagiaire'],
    ],
  };
}

describe('sql check on a fake system', () => {
  const base = {
    type: 'sql',
    engine: 'mariadb',
    database: 'glpi',
    user: 'glpi',
    password: 'Glp1-TSSR',
    query: 'SELECT name, is_active, comment FROM glpi_users',
  };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['the query runs', base, ['query:pass']],
    ['row count and first value', { ...base, rowCount: 2, value: 'tech1' }, ['rowCount:pass', 'value:pass']],
    [
      'rows by column, numbers as numbers, NULL as null',
      {
        ...base,
        rows: [
          { name: 'tech1', is_active: 1, comment: null },
          { is_active: 0, name: { matches: '^tech' } },
        ],
      },
      ['rows:pass'],
    ],
    ['a row differs', { ...base, rows: [{ name: 'tech1', is_active: 0 }, { name: 'tech2' }] }, ['rows:fail']],
    ['fewer rows than expected', { ...base, rows: [{ name: 'tech1' }] }, ['rows:fail']],
    ['an unknown column', { ...base, rows: [{ login: 'tech1' }, { login: 'tech2' }] }, ['rows:fail']],
    ['no row: the value is null', { ...base, query: 'SELECT name FROM t WHERE 1=0', rowCount: 0, value: null }, ['rowCount:pass', 'value:pass']],
    ['a refused password fails', { ...base, password: 'wrong', value: 'tech1' }, ['value:fail']],
    ['a server down fails', { ...base, host: 'down', rowCount: { ge: 1 } }, ['rowCount:fail']],
    ['a broken query is an error', { ...base, query: 'SELECT * FROM nope', rowCount: 1 }, ['rowCount:error']],
    ['a bad regex in a row is an error', { ...base, rows: [{ name: { matches: '(' } }, { name: 'tech2' }] }, ['rows:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(sql, check as never, fakeSystem({ sql: server }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('never reports the password, and says which client to install', async () => {
    const { outcomes } = await runOn(sql, { ...base, password: 'wrong-Pass' } as never, fakeSystem({ sql: server }), regex);
    assert.equal(outcomes[0].reason?.code, 'sql.authFailed');
    assert.ok(!JSON.stringify(outcomes).includes('wrong-Pass'));
    const none = await runOn(sql, { ...base, engine: 'postgresql' } as never, fakeSystem({}), regex);
    assert.deepEqual(
      none.outcomes.map((o) => `${o.status}:${o.reason?.code}`),
      ['error:sql.noClient'],
    );
  });
  it('reads canonical numbers as numbers only', () => {
    assert.deepEqual(['42', '-1.5', '007', '1e3', ' 1', '', 'abc', null, '0'].map(cell), [42, -1.5, '007', '1e3', ' 1', '', 'abc', null, 0]);
  });
});

describe('sql clients: arguments and output', () => {
  const q: SqlQuery = {
    engine: 'mysql',
    host: '127.0.0.1',
    port: 3307,
    database: 'glpi',
    user: 'glpi',
    password: 's3cret "x"',
    query: 'SELECT 1',
    timeoutMs: 9000,
  };
  it('keeps the password off both command lines', () => {
    assert.deepEqual(mysqlArgs(q, '/tmp/d/client.cnf'), [
      '--defaults-extra-file=/tmp/d/client.cnf',
      '--batch',
      '--column-names',
      '--default-character-set=utf8mb4',
      '--connect-timeout=3',
      '-h',
      '127.0.0.1',
      '-P',
      '3307',
      '-u',
      'glpi',
      '-D',
      'glpi',
      '-e',
      'SELECT 1',
    ]);
    assert.deepEqual(mysqlArgs({ ...q, host: '/run/mysqld/mysqld.sock' }, 'f').slice(5, 6), ['--socket=/run/mysqld/mysqld.sock']);
    assert.equal(mysqlOptionFile(q.password), '[client]\npassword="s3cret \\"x\\""\n');
    const p = psqlArgs({ ...q, engine: 'postgresql' });
    assert.ok(!p.some((a) => a.includes('s3cret')));
    assert.deepEqual(p.slice(0, 8), ['-X', '-w', '-q', '--csv', '-P', 'null=\\N', '-v', 'ON_ERROR_STOP=1']);
  });
  it('parses psql CSV: quotes, commas, newlines, NULL apart from empty text', () => {
    const t = parsePsqlCsv('name,comment,n\ntech1,"a, ""b""\nc",\\N\ntech2,"",3\n');
    assert.deepEqual(t, {
      columns: ['name', 'comment', 'n'],
      rows: [
        ['tech1', 'a, "b"\nc', null],
        ['tech2', '', '3'],
      ],
    });
    assert.deepEqual(parsePsqlCsv('x\n"\\N"\n').rows, [['\\N']]);
  });
  it('parses mysql batch output with its escapes', () => {
    assert.deepEqual(parseMysqlBatch('name\tcomment\ntech1\tline1\\nline2\\ttab\\\\\ntech2\tNULL\n'), {
      columns: ['name', 'comment'],
      rows: [
        ['tech1', 'line1\nline2\ttab\\'],
        ['tech2', null],
      ],
    });
  });
});
