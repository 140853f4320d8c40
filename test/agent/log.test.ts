import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { udpRefused } from '../../agent/src/system/logs';
import { request, results, runAgent } from '../helpers/agent';

/** A port free right now on 127.0.0.1 (tcp or udp). */
function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  return new Promise((resolve) => {
    if (kind === 'udp') {
      const s = createSocket('udp4');
      s.bind(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    } else {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    }
  });
}

const tcpOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    }).on('error', () => resolve(false));
  });

/** Runs one log check with the built agent and returns its single result. */
async function logCheck(check: Record<string, unknown>): Promise<Record<string, any>> {
  const rs = results(await runAgent(request([{ type: 'log', ...check }])));
  assert.equal(rs.length, 1);
  return rs[0];
}

describe('agent log check with a real rsyslogd on loopback', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'tssr-log-'));
  const out = join(dir, 'remote.log');
  // rsyslog's one file per sending host: the check reads the folder, whose files it cannot name in advance.
  const hosts = join(dir, 'hosts');
  let rsyslogd: ChildProcess | undefined;
  let udp = 0;
  let tcp = 0;

  before(async function () {
    if (spawnSync('sh', ['-c', 'PATH="$PATH:/usr/sbin" command -v rsyslogd && command -v logger']).status !== 0) this.skip();
    [udp, tcp] = [await freePort('udp'), await freePort('tcp')];
    writeFileSync(
      join(dir, 'rsyslog.conf'),
      [
        `global(workDirectory="${dir}")`,
        'module(load="imudp")',
        `input(type="imudp" address="127.0.0.1" port="${udp}")`,
        'module(load="imtcp")',
        `input(type="imtcp" address="127.0.0.1" port="${tcp}")`,
        `*.* action(type="omfile" file="${out}")`,
        `template(name="perHost" type="string" string="${hosts}/%HOSTNAME%.log")`,
        '*.* action(type="omfile" dynaFile="perHost")',
        '',
      ].join('\n'),
    );
    mkdirSync(hosts);
    rsyslogd = spawn('/usr/sbin/rsyslogd', ['-n', '-f', join(dir, 'rsyslog.conf'), '-i', join(dir, 'rsyslogd.pid')], { stdio: 'ignore' });
    // Ready when both inputs answer: the tcp port accepts and the udp port no longer refuses.
    while (!(await tcpOpen(tcp)) || (await udpRefused('127.0.0.1', udp))) {
      if (rsyslogd.exitCode !== null) throw new Error('rsyslogd exited');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  after(() => {
    rsyslogd?.kill('SIGTERM');
  });

  it('a message sent over udp lands in the file', async () => {
    const r = await logCheck({ path: out, trigger: { message: 'tssr-udp-ok', server: { host: '127.0.0.1', port: udp } }, withinMs: 20_000 });
    assert.deepEqual([r.status, r.path], ['pass', out]);
    assert.match(r.actual, /tssr-lab.*tssr-udp-ok/);
  });

  it('a message sent over tcp lands, matched by a regular expression', async () => {
    const r = await logCheck({
      path: out,
      pattern: { matches: 'tssr-lab(\\[\\d+\\])?:? tssr-tcp-\\d+$' },
      trigger: { message: `tssr-tcp-${process.pid}`, server: { host: '127.0.0.1', port: tcp, protocol: 'tcp' } },
      withinMs: 20_000,
    });
    assert.equal(r.status, 'pass', JSON.stringify(r));
  });

  it('a folder: the message lands in the file of its host, which did not exist before', async () => {
    const r = await logCheck({ path: hosts, trigger: { message: `tssr-folder-${process.pid}`, server: { host: '127.0.0.1', port: udp } }, withinMs: 20_000 });
    assert.deepEqual([r.status, r.path], ['pass', hosts], JSON.stringify(r));
    assert.equal(readdirSync(hosts).length, 1);
    // A second run: the line is now older than the run, so it no longer counts.
    const again = await logCheck({ path: hosts, pattern: `tssr-folder-${process.pid}` });
    assert.deepEqual([again.status, again.reason.code], ['fail', 'log.noLine']);
  });

  it('lines written before the run started are not the run’s', async () => {
    appendFileSync(out, 'Nov 28 10:00:00 host tssr-lab: tssr-old-line\n');
    const r = await logCheck({ path: out, pattern: 'tssr-old-line' });
    assert.deepEqual([r.status, r.reason.code], ['fail', 'log.noLine']);
  });

  for (const protocol of ['udp', 'tcp'] as const) {
    it(`nothing listening on a ${protocol} port fails at once, not after its window`, async () => {
      const port = await freePort(protocol);
      // A 10-minute window: the suite's 60 s timeout proves the check did not wait it out.
      const r = await logCheck({
        path: out,
        trigger: { message: 'tssr-lost', server: { host: '127.0.0.1', port, protocol } },
        withinMs: 600_000,
        timeoutMs: 600_000,
      });
      assert.deepEqual([r.status, r.reason], ['fail', { code: 'log.noListener', params: { host: '127.0.0.1', port, protocol } }]);
    });
  }
});
