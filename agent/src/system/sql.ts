import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execTool, type ExecRun } from './exec-tool';
import { parseMysqlBatch, parsePsqlCsv, PSQL_NULL, type SqlTable } from './sql-output';

/** One query to run with the engine's own client. */
export interface SqlQuery {
  engine: 'postgresql' | 'mysql';
  /** A host name or address, or a socket (a directory for PostgreSQL, the socket file for MySQL/MariaDB) when it starts with `/`. */
  host: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  query: string;
  timeoutMs: number;
}

/** The result table, or why there is none. */
export type SqlOutcome =
  | ({ kind: 'rows' } & SqlTable)
  | { kind: 'authFailed'; detail: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'queryFailed'; error: string }
  | { kind: 'noClient'; engine: string };

const seconds = (q: SqlQuery): string => String(Math.max(1, Math.floor(q.timeoutMs / 3000)));

/** psql's argv: no psqlrc, CSV, NULL marked, stop at the first error; the password only in PGPASSWORD. */
export function psqlArgs(q: SqlQuery): string[] {
  return [
    '-X',
    '-w',
    '-q',
    '--csv',
    '-P',
    `null=${PSQL_NULL}`,
    '-v',
    'ON_ERROR_STOP=1',
    '-h',
    q.host,
    ...(q.port ? ['-p', String(q.port)] : []),
    ...(q.user ? ['-U', q.user] : []),
    ...(q.database ? ['-d', q.database] : []),
    '-c',
    q.query,
  ];
}

/** mysql/mariadb's argv: the option file first (client rule), batch output with headers; the password lives in that file. */
export function mysqlArgs(q: SqlQuery, optionFile: string): string[] {
  return [
    // utf8mb4: in the C locale the client would otherwise convert text to latin1 and mangle accents.
    `--defaults-extra-file=${optionFile}`,
    '--batch',
    '--column-names',
    '--default-character-set=utf8mb4',
    `--connect-timeout=${seconds(q)}`,
    ...(q.host.startsWith('/') ? [`--socket=${q.host}`] : ['-h', q.host, ...(q.port ? ['-P', String(q.port)] : [])]),
    ...(q.user ? ['-u', q.user] : []),
    ...(q.database ? ['-D', q.database] : []),
    '-e',
    q.query,
  ];
}

/** The option file's text: a [client] group with the password, quoted as MySQL option files read it. */
export function mysqlOptionFile(password: string | undefined): string {
  const quoted = password === undefined ? '' : `password="${password.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`;
  return `[client]\n${quoted}`;
}

/** Client messages (psql, mariadb) saying the server refused the user. */
const REFUSED = /password authentication failed|authentication failed|Access denied|no password supplied|role .* does not exist/i;
/** Client messages saying the server could not be reached. */
const UNREACHABLE = new RegExp(
  [
    'could not connect',
    'connection refused',
    "Can't connect",
    'could not translate host',
    'No such file or directory',
    'timeout expired',
    'Unknown (MySQL|MariaDB) server host',
    'connection to server .* failed',
  ].join('|'),
  'i',
);

function classify(engine: SqlQuery['engine'], r: ExecRun, parse: (text: string) => SqlTable): SqlOutcome {
  const said = r.stderr.trim().slice(0, 400);
  if (r.code === 0) return { kind: 'rows', ...parse(r.stdout) };
  if (REFUSED.test(said)) return { kind: 'authFailed', detail: said };
  if (UNREACHABLE.test(said)) return { kind: 'unreachable', detail: said };
  return { kind: 'queryFailed', error: said || `${engine} client exit ${r.code}` };
}

/** Runs one query with psql, or mariadb/mysql, never with a password on the command line. */
export async function sqlQuery(q: SqlQuery, signal: AbortSignal): Promise<SqlOutcome> {
  if (q.engine === 'postgresql') {
    const env = {
      PGCLIENTENCODING: 'UTF8',
      PGCONNECT_TIMEOUT: seconds(q),
      PGPASSWORD: q.password ?? '',
      PSQLRC: '/dev/null',
      PGPASSFILE: '/dev/null',
      PGOPTIONS: '',
    };
    const r = await execTool('psql', psqlArgs(q), { signal, env, maxBytes: 8 * 1024 * 1024 });
    return r.missing ? { kind: 'noClient', engine: 'psql' } : classify(q.engine, r, parsePsqlCsv);
  }
  const dir = await mkdtemp(join(tmpdir(), 'tssr-sql-'));
  try {
    const file = join(dir, 'client.cnf');
    await writeFile(file, mysqlOptionFile(q.password), { mode: 0o600 });
    let r = await execTool('mariadb', mysqlArgs(q, file), { signal, maxBytes: 8 * 1024 * 1024 });
    if (r.missing) r = await execTool('mysql', mysqlArgs(q, file), { signal, maxBytes: 8 * 1024 * 1024 });
    return r.missing ? { kind: 'noClient', engine: 'mysql' } : classify(q.engine, r, parseMysqlBatch);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
