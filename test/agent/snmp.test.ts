import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results } from '../helpers/agent';
import { freePort, startDaemon, waitForOutput, type Daemon } from '../helpers/daemon';
import { have, runAgentVia } from '../helpers/netns-exec';

const AUTH = 'Sup3rvision!';
const PRIV = 'Chiffr3ment!';

describe('agent snmp check against a real snmpd on loopback', function () {
  this.timeout(120_000);
  let snmpd: Daemon | undefined;
  let dir = '';
  let port = 0;

  before(async function () {
    // snmpd comes from Debian's snmpd package (.ci/run installs it with the snmp client).
    if (!have('snmpd')) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'tssr-snmpd-'));
    port = await freePort('udp');
    writeFileSync(
      join(dir, 'snmpd.conf'),
      [
        'rocommunity tssr-ro 127.0.0.1',
        `createUser supervision SHA "${AUTH}" AES "${PRIV}"`,
        'rouser supervision priv',
        'sysLocation Salle serveurs B12',
        'sysContact admin@tssr.lab',
        'sysName srv-tssr',
      ].join('\n') + '\n',
    );
    const env = { ...process.env, SNMP_PERSISTENT_DIR: join(dir, 'persist'), MIBS: '', MIBDIRS: join(dir, 'mibs') };
    snmpd = startDaemon('snmpd', ['-f', '-Lo', '-C', '-c', join(dir, 'snmpd.conf'), '-p', join(dir, 'pid'), `udp:127.0.0.1:${port}`], env);
    await waitForOutput(snmpd, /NET-SNMP version/, 'snmpd');
  });
  after(async () => {
    await snmpd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (checks: Array<Record<string, unknown>>, env?: NodeJS.ProcessEnv) =>
    results(await runAgentVia([], request(checks.map((c) => ({ type: 'snmp', host: '127.0.0.1', port, timeoutMs: 4000, ...c }))), 60_000, env));
  const summary = (rs: Array<Record<string, any>>): string[] =>
    rs.sort((a, b) => a.checkIndex - b.checkIndex).map((r) => `${r.checkIndex}:${r.property}:${r.status}:${r.reason?.code}`);

  const v3 = { version: '3', user: 'supervision', authPassword: AUTH, privPassword: PRIV };
  const checks = [
    { community: 'tssr-ro', oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' },
    { community: 'tssr-ro', oid: '1.3.6.1.2.1.1.6.0', value: { matches: 'B12$' } },
    { community: 'tssr-ro', oid: '1.3.6.1.2.1.1.3.0', value: { gt: 0 } },
    { community: 'tssr-ro', oid: '1.3.6.1.2.1.1', walk: { contains: 'admin@tssr.lab' } },
    { community: 'tssr-ro', oid: '1.3.6.1.2.1.1.99.0' },
    { community: 'wrong-community', oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' },
  ];
  const expected = [
    '0:value:pass:pass',
    '1:value:pass:pass',
    '2:value:pass:pass',
    '3:walk:pass:pass',
    '4:value:fail:snmp.noSuchOid',
    '5:value:fail:snmp.timeout',
  ];

  it('v2c GET and WALK with the net-snmp client; a wrong community gets no answer', async function () {
    if (!have('snmpget')) this.skip();
    assert.deepEqual(summary(await run(checks)), expected);
  });

  it('v3 authPriv; a wrong auth passphrase is refused, and no passphrase reaches the results', async function () {
    if (!have('snmpget')) this.skip();
    const rs = await run([
      { ...v3, oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' },
      { ...v3, authPassword: 'not-the-pass', oid: '1.3.6.1.2.1.1.5.0' },
    ]);
    assert.deepEqual(summary(rs), ['0:value:pass:pass', '1:value:fail:snmp.authFailed']);
    const text = JSON.stringify(rs);
    for (const secret of [AUTH, PRIV, 'not-the-pass']) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  });

  it("without net-snmp on the target, v2c runs over the agent's own UDP client and v3 says to install snmp", async () => {
    const bare = { ...process.env, PATH: join(dir, 'no-bin') };
    assert.deepEqual(summary(await run(checks, bare)), expected);
    assert.deepEqual(summary(await run([{ ...v3, oid: '1.3.6.1.2.1.1.5.0' }], bare)), ['0:value:error:snmp.noClient']);
  });
});
