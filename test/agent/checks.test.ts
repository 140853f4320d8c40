import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results, prop } from '../helpers/agent';

const dir = mkdtempSync(join(tmpdir(), 'tssr-agent-'));
const conf = join(dir, 'sshd_config');
writeFileSync(conf, '# test\nPort 22\nPermitRootLogin no\n');
chmodSync(conf, 0o640);
symlinkSync(conf, join(dir, 'link'));

async function one(check: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  return results(await runAgent(request([check])));
}

describe('agent checks on this machine', () => {
  describe('file', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['existing file', { path: conf }, 'exists', 'pass'],
      ['missing file', { path: join(dir, 'nope') }, 'exists', 'fail'],
      ['absent as wanted', { path: join(dir, 'nope'), exists: false }, 'exists', 'pass'],
      ['right mode', { path: conf, mode: '0640' }, 'mode', 'pass'],
      ['wrong mode', { path: conf, mode: '644' }, 'mode', 'fail'],
      ['owner', { path: conf, owner: 'root' }, 'owner', 'pass'],
      ['group', { path: conf, group: 'nogroup' }, 'group', 'fail'],
      ['directory', { path: dir, filetype: 'directory' }, 'filetype', 'pass'],
      ['symlink', { path: join(dir, 'link'), filetype: 'symlink' }, 'filetype', 'pass'],
      ['contains', { path: conf, contents: ['PermitRootLogin no'] }, 'contents[0]', 'pass'],
      ['regex', { path: conf, contents: [{ matches: '^Port \\d+$' }] }, 'contents[0]', 'pass'],
      ['notContains offending', { path: conf, contents: [{ notContains: 'Port' }] }, 'contents[0]', 'fail'],
      ['equals', { path: conf, contents: [{ equals: 'x' }] }, 'contents[0]', 'fail'],
    ];
    for (const [name, check, property, status] of cases) {
      it(`${name} → ${property} ${status}`, async () => {
        assert.equal(prop(await one({ type: 'file', ...check }), property).status, status);
      });
    }
    it('locates contents evidence at file:line', async () => {
      const r = prop(await one({ type: 'file', path: conf, contents: [{ matches: 'PermitRootLogin' }] }), 'contents[0]');
      assert.deepEqual([r.path, r.line, r.actual], [conf, 3, 'PermitRootLogin no']);
    });
    it('skips the other properties of a missing file', async () => {
      const rs = await one({ type: 'file', path: join(dir, 'nope'), mode: '0644', contents: ['x'] });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exists:fail', 'mode:skip', 'contents[0]:skip'],
      );
    });
  });

  describe('command', () => {
    it('asserts exit status, stdout and stderr', async () => {
      const rs = await one({
        type: 'command',
        exec: ['sh', '-c', 'echo out; echo err >&2; exit 3'],
        exitStatus: 3,
        stdout: ['out'],
        stderr: [{ matches: '^err$' }, { notContains: 'err' }],
      });
      assert.deepEqual(
        rs.map((r) => r.status),
        ['pass', 'pass', 'pass', 'fail'],
      );
    });
    it('passes arguments as an array, never through a shell', async () => {
      const rs = await one({ type: 'command', exec: ['echo', '$(id) ; rm -rf /tmp/x'], stdout: [{ equals: '$(id) ; rm -rf /tmp/x' }] });
      assert.equal(prop(rs, 'stdout[0]').status, 'pass');
    });
    it('feeds stdin', async () => {
      assert.equal(prop(await one({ type: 'command', exec: ['cat'], stdin: 'bonjour', stdout: ['bonjour'] }), 'stdout[0]').status, 'pass');
    });
    it('reports a missing program as an error and skips its assertions', async () => {
      const rs = await one({ type: 'command', exec: ['/nonexistent/prog'], exitStatus: 0 });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exec:error', 'exitStatus:skip'],
      );
    });
    it('stops a hanging command at its timeout, kills its children, and goes on', async () => {
      const started = Date.now();
      const t = await runAgent(
        request([
          { type: 'command', exec: ['sh', '-c', 'sleep 30 & sleep 30'], timeoutMs: 300, exitStatus: 0 },
          { type: 'file', path: conf },
        ]),
      );
      const rs = results(t);
      assert.equal(prop(rs, 'check', 0).status, 'error');
      assert.match(prop(rs, 'check', 0).message, /300 ms/);
      assert.equal(prop(rs, 'exists', 1).status, 'pass');
      assert.ok(Date.now() - started < 10_000);
    });
    it('caps a flood of output and still reports', async () => {
      const rs = await one({ type: 'command', exec: ['sh', '-c', 'yes flood | head -c 20000000'], stdout: [{ notContains: 'zzz' }, 'absent'] });
      // Truncated text proves no absence: notContains is an error, never a pass; a miss is an error too.
      assert.equal(prop(rs, 'stdout[0]').status, 'error');
      assert.match(prop(rs, 'stdout[1]').message, /tronqué|truncated/);
    });
  });

  describe('port', () => {
    let tcp: Server;
    let tcpPort = 0;
    const udp = createSocket('udp4');
    let udpPort = 0;
    before(async () => {
      tcp = createServer();
      await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
      tcpPort = (tcp.address() as { port: number }).port;
      await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
      udpPort = udp.address().port;
    });
    after(() => {
      tcp.close();
      udp.close();
    });
    it('sees a listening tcp port and its address', async () => {
      const rs = await one({ type: 'port', port: tcpPort, ip: ['127.0.0.1'] });
      assert.equal(prop(rs, 'listening').status, 'pass');
      assert.equal(prop(rs, 'ip').status, 'pass');
    });
    it('sees a bound udp port', async () => {
      assert.equal(prop(await one({ type: 'port', port: udpPort, protocol: 'udp' }), 'listening').status, 'pass');
    });
    it('fails on a closed port', async () => {
      tcp.close();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(prop(await one({ type: 'port', port: tcpPort }), 'listening').status, 'fail');
    });
  });

  describe('user', () => {
    it('reads root from /etc/passwd with its line', async () => {
      const rs = await one({ type: 'user', name: 'root', uid: 0, home: '/root', groups: ['root'] });
      assert.ok(
        rs.every((r) => r.status === 'pass'),
        JSON.stringify(rs),
      );
      assert.deepEqual([prop(rs, 'uid').path, prop(rs, 'uid').line], ['/etc/passwd', 1]);
    });
    it('fails on a missing user and skips the rest', async () => {
      const rs = await one({ type: 'user', name: 'tssr-nobody-here', shell: '/bin/bash' });
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exists:fail', 'shell:skip'],
      );
    });
  });

  describe('package', () => {
    it('finds an installed Debian package and its version', async () => {
      const rs = await one({ type: 'package', name: 'bash', versions: [{ matches: '^\\d' }] });
      assert.deepEqual(
        rs.map((r) => r.status),
        ['pass', 'pass'],
      );
    });
    it('fails on a package that is not installed', async () => {
      assert.equal(prop(await one({ type: 'package', name: 'tssr-lab-not-a-package' }), 'installed').status, 'fail');
    });
  });
});
