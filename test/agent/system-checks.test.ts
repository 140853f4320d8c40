import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results } from '../helpers/agent';

async function summary(check: Record<string, unknown>): Promise<string[]> {
  return results(await runAgent(request([check]))).map((r) => `${r.property}:${r.status}`);
}

describe('agent group, process, kernelParam and service checks on this machine', () => {
  describe('group', () => {
    const rootLine =
      readFileSync('/etc/group', 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('root:')) + 1;
    it('reads root from /etc/group with its line', async () => {
      const rs = results(await runAgent(request([{ type: 'group', name: 'root', gid: 0 }])));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exists:pass', 'gid:pass'],
      );
      assert.deepEqual([rs[1].path, rs[1].line, rs[1].actual], ['/etc/group', rootLine, 0]);
    });
    it('fails on a missing group and skips the rest', async () => {
      assert.deepEqual(await summary({ type: 'group', name: 'tssr-no-such-group', members: ['x'] }), ['exists:fail', 'members:skip']);
    });
  });

  describe('process', () => {
    // A copy of sleep under a name no other process has: its comm is the file name.
    const dir = mkdtempSync(join(tmpdir(), 'tssr-proc-'));
    const prog = join(dir, 'tssr-probe');
    let child: ChildProcess;
    before(() => {
      copyFileSync('/bin/sleep', prog);
      child = spawn(prog, ['3600'], { stdio: 'ignore' });
    });
    after(() => {
      child.kill('SIGKILL');
    });
    const me = (process.getuid?.() ?? 0) === 0 ? 'root' : undefined;
    it('finds a running process by comm, with its user and arguments', async () => {
      const rs = await summary({ type: 'process', comm: 'tssr-probe', ...(me ? { user: me } : {}), args: ['3600', { notContains: 'tssr-other' }] });
      assert.deepEqual(rs, ['running:pass', ...(me ? ['user:pass'] : []), 'args[0]:pass', 'args[1]:pass']);
    });
    it('fails on arguments the process lacks, and on a process that does not run', async () => {
      assert.deepEqual(await summary({ type: 'process', comm: 'tssr-probe', args: ['--daemon'] }), ['running:pass', 'args[0]:fail']);
      assert.deepEqual(await summary({ type: 'process', comm: 'tssr-absent', args: ['x'] }), ['running:fail', 'args[0]:skip']);
    });
    it('sees the process gone once it ended', async () => {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.deepEqual(await summary({ type: 'process', comm: 'tssr-probe', running: false }), ['running:pass']);
    });
  });

  describe('kernelParam', () => {
    const forward = readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a string', { key: 'kernel.ostype', value: 'Linux' }, 'value:pass'],
      ['an integer, as /proc/sys holds it', { key: 'net.ipv4.ip_forward', value: Number(forward) }, 'value:pass'],
      ['the other value', { key: 'net.ipv4.ip_forward', value: forward === '1' ? 0 : 1 }, 'value:fail'],
      ['a key this kernel lacks', { key: 'net.tssr.no_such_key', value: 1 }, 'value:fail'],
      ['a directory of parameters is an error', { key: 'net.ipv4', value: 1 }, 'value:error'],
    ];
    for (const [name, check, expected] of cases) {
      it(name, async () => assert.deepEqual(await summary({ type: 'kernelParam', ...check }), [expected]));
    }
  });

  describe('service', () => {
    const booted = existsSync('/run/systemd/system');
    const sysv = !booted && existsSync('/etc/init.d') && !existsSync('/run/openrc');
    it('without systemd, reads a SysV script and its rc?.d links; masked is skipped as systemd-only', async function () {
      if (!sysv || !existsSync('/etc/init.d/ssh')) this.skip();
      const enabled = readdirSync('/etc/rc2.d').some((f) => /^S\d\dssh$/.test(f));
      const t = await runAgent(request([{ type: 'service', name: 'ssh', enabled, masked: false }], { lang: 'fr' }));
      const rs = results(t);
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['enabled:pass', 'masked:skip'],
      );
      assert.match(rs[1].message, /masked n’existe qu’avec systemd ; cette cible utilise sysv/);
    });
    it('a service without a script is neither running nor enabled', async function () {
      if (!sysv) this.skip();
      const rs = results(await runAgent(request([{ type: 'service', name: 'tssr-no-such-service', running: false, enabled: false }])));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['running:pass', 'enabled:pass'],
      );
    });
    it('skips every property, with the reason, when the target has no init system it knows', async function () {
      if (booted || existsSync('/etc/init.d') || existsSync('/run/openrc')) this.skip();
      const rs = results(await runAgent(request([{ type: 'service', name: 'ssh', running: true, enabled: true }], { lang: 'fr' })));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['running:skip', 'enabled:skip'],
      );
    });
  });
});
