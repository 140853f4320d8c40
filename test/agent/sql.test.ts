import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { request, results } from '../helpers/agent';
import { runArgv } from '../helpers/container';
import { freePort, startDaemon, waitForOutput, type Daemon } from '../helpers/daemon';
import { have, runAgentVia } from '../helpers/netns-exec';

const PASSWORD = 'Glp1-TSSR "quoted"';
const SETUP_TABLE =
  "CREATE TABLE users (name varchar(32), is_active int, comment text); INSERT INTO users VALUES ('tech1', 1, NULL), ('tech2', 0, 'stagiaire, 2e année');";

const summary = (rs: Array<Record<string, any>>): string[] =>
  rs.sort((a, b) => a.checkIndex - b.checkIndex).map((r) => `${r.checkIndex}:${r.property}:${r.status}:${r.reason?.code}`);

/** The same checks against either engine; `conn` says how to reach it. */
function checksFor(conn: Record<string, unknown>): Array<Record<string, unknown>> {
  const q = { type: 'sql', ...conn, database: 'glpi', user: 'glpi', password: PASSWORD };
  return [
    {
      ...q,
      query: 'SELECT name, is_active, comment FROM users ORDER BY name',
      rowCount: 2,
      value: 'tech1',
      rows: [
        { name: 'tech1', is_active: 1, comment: null },
        { name: 'tech2', comment: { matches: 'année$' } },
      ],
    },
    { ...q, query: 'SELECT count(*) AS n FROM users WHERE is_active = 1', value: 1 },
    { ...q, password: 'not-the-password', query: 'SELECT 1', value: 1 },
    { ...q, query: 'SELECT * FROM nope', rowCount: 0 },
  ];
}
const EXPECTED = [
  '0:rowCount:pass:pass',
  '0:value:pass:pass',
  '0:rows:pass:pass',
  '1:value:pass:pass',
  '2:value:fail:sql.authFailed',
  '3:rowCount:error:sql.queryFailed',
];

function assertNoSecret(rs: unknown): void {
  const text = JSON.stringify(rs);
  for (const s of [PASSWORD, 'not-the-password', 'Glp1-TSSR']) assert.ok(!text.includes(s), `${s} leaked: ${text}`);
}

describe('agent sql check against real database servers on loopback', function () {
  this.timeout(300_000);

  describe('PostgreSQL (psql)', () => {
    let pg: Daemon | undefined;
    let dir = '';
    let port = 0;
    const pgBin = '/usr/lib/postgresql/15/bin';
    const asPostgres = ['setpriv', '--reuid=postgres', '--regid=postgres', '--clear-groups', '--'];
    before(async function () {
      // PostgreSQL refuses to run as root: it runs as the postgres account the Debian package creates.
      if (!have('psql') || !have(join(pgBin, 'initdb')) || userInfo().uid !== 0 || spawnSync('id', ['postgres']).status !== 0) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'tssr-pg-'));
      chmodSync(dir, 0o755);
      const data = join(dir, 'data');
      chownSync(dir, Number(spawnSync('id', ['-u', 'postgres']).stdout), Number(spawnSync('id', ['-g', 'postgres']).stdout));
      const init = await runArgv(
        asPostgres[0],
        [...asPostgres.slice(1), join(pgBin, 'initdb'), '-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256'],
        undefined,
        180_000,
      );
      assert.equal(init.code, 0, init.stderr);
      port = await freePort('tcp');
      pg = startDaemon(asPostgres[0], [
        ...asPostgres.slice(1),
        join(pgBin, 'postgres'),
        '-D',
        data,
        '-k',
        dir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
      ]);
      await waitForOutput(pg, /ready to accept connections/, 'postgres');
      const admin = ['-X', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres'];
      const role = await runArgv(
        'psql',
        [...admin, '-d', 'postgres'],
        `CREATE ROLE glpi LOGIN PASSWORD '${PASSWORD.replace(/'/g, "''")}'; CREATE DATABASE glpi OWNER glpi;`,
      );
      assert.equal(role.code, 0, role.stderr);
      const table = await runArgv('psql', [...admin, '-d', 'glpi'], `SET ROLE glpi; ${SETUP_TABLE}`);
      assert.equal(table.code, 0, table.stderr);
    });
    after(async () => {
      await pg?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('runs queries over TCP with a password from PGPASSWORD; refusals and bad queries are told apart', async () => {
      const rs = results(await runAgentVia([], request(checksFor({ engine: 'postgresql', host: '127.0.0.1', port }))));
      assert.deepEqual(summary(rs), EXPECTED);
      assertNoSecret(rs);
    });
    it('reaches the server through its socket directory, and fails on a closed port', async () => {
      const rs = results(
        await runAgentVia(
          [],
          request([
            {
              type: 'sql',
              engine: 'postgresql',
              host: dir,
              port,
              user: 'postgres',
              query: "SELECT datname FROM pg_database WHERE datname = 'glpi'",
              value: 'glpi',
            },
            { type: 'sql', engine: 'postgresql', port: await freePort('tcp'), user: 'glpi', query: 'SELECT 1' },
          ]),
        ),
      );
      assert.deepEqual(summary(rs), ['0:value:pass:pass', '1:query:fail:sql.unreachable']);
    });
  });

  describe('MariaDB (mariadb client)', () => {
    let db: Daemon | undefined;
    let dir = '';
    let port = 0;
    before(async function () {
      if (!have('mariadb') || !have('mariadbd') || !have('mariadb-install-db')) this.skip(); // apt-get install mariadb-server
      dir = mkdtempSync(join(tmpdir(), 'tssr-mariadb-'));
      const data = join(dir, 'data');
      const init = await runArgv(
        'mariadb-install-db',
        ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'],
        undefined,
        240_000,
      );
      assert.equal(init.code, 0, init.stderr);
      port = await freePort('tcp');
      const sock = join(dir, 'mysqld.sock');
      db = startDaemon('mariadbd', [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${sock}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        `--pid-file=${join(dir, 'pid')}`,
        '--skip-log-error',
        '--innodb-buffer-pool-size=16M',
      ]);
      await waitForOutput(db, /ready for connections/, 'mariadbd');
      const setup = [
        'CREATE DATABASE glpi;',
        `CREATE USER 'glpi'@'127.0.0.1' IDENTIFIED BY '${PASSWORD.replace(/'/g, "''")}';`,
        `CREATE USER 'glpi'@'localhost' IDENTIFIED BY '${PASSWORD.replace(/'/g, "''")}';`,
        "GRANT ALL ON glpi.* TO 'glpi'@'127.0.0.1'; GRANT ALL ON glpi.* TO 'glpi'@'localhost';",
        `USE glpi; ${SETUP_TABLE}`,
      ].join('\n');
      const r = await runArgv('mariadb', ['--no-defaults', `--socket=${sock}`, '-u', 'root'], setup);
      assert.equal(r.code, 0, r.stderr);
    });
    after(async () => {
      await db?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('runs queries over TCP with the password in a private option file', async () => {
      const rs = results(await runAgentVia([], request(checksFor({ engine: 'mariadb', host: '127.0.0.1', port }))));
      assert.deepEqual(summary(rs), EXPECTED);
      assertNoSecret(rs);
    });
    it('reaches the server through its socket file', async () => {
      const rs = results(
        await runAgentVia(
          [],
          request([
            {
              type: 'sql',
              engine: 'mysql',
              host: join(dir, 'mysqld.sock'),
              database: 'glpi',
              user: 'glpi',
              password: PASSWORD,
              query: 'SELECT name FROM users ORDER BY name DESC',
              value: 'tech2',
            },
          ]),
        ),
      );
      assert.deepEqual(summary(rs), ['0:value:pass:pass']);
    });
  });
});
