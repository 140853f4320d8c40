import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openrcProbe } from '../../agent/src/system/service-openrc';
import { sysvProbe } from '../../agent/src/system/service-sysv';
import { listRpm } from '../../agent/src/system/package-rpm';
import { runAgent, request, results, type Transcript } from '../helpers/agent';
import { AGENT } from '../helpers/paths';

const summary = async (check: Record<string, unknown>): Promise<string[]> => results(await runAgent(request([check]))).map((r) => `${r.property}:${r.status}`);

describe('system state on this machine', () => {
  describe('file: size, sha256, linkedTo, uid and gid through the agent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-fstate-'));
    const site = join(dir, 'tssr.conf');
    writeFileSync(site, 'server { listen 80; }\n');
    symlinkSync(site, join(dir, 'enabled'));
    const sha = createHash('sha256').update(readFileSync(site)).digest('hex');
    const { uid, size } = statSync(site);
    it('all pass on the real file', async () => {
      assert.deepEqual(await summary({ type: 'file', path: site, size, sha256: sha, uid, gid: { ge: 0 } }), [
        'exists:pass',
        'uid:pass',
        'gid:pass',
        'size:pass',
        'sha256:pass',
      ]);
    });
    it('a symlink’s target', async () => {
      assert.deepEqual(await summary({ type: 'file', path: join(dir, 'enabled'), filetype: 'symlink', linkedTo: site }), [
        'exists:pass',
        'filetype:pass',
        'linkedTo:pass',
      ]);
    });
    it('a changed file fails its checksum', async () => {
      assert.deepEqual(await summary({ type: 'file', path: site, sha256: createHash('sha256').update('other').digest('hex') }), ['exists:pass', 'sha256:fail']);
    });
  });

  describe('user: the password state from the real /etc/shadow', () => {
    const shadowNobody = (): string | undefined => {
      try {
        return readFileSync('/etc/shadow', 'utf8')
          .split('\n')
          .find((l) => l.startsWith('nobody:'));
      } catch {
        return undefined;
      }
    };
    it('as root: nobody’s account takes no password login', async function () {
      const line = shadowNobody();
      if (process.getuid?.() !== 0 || !line || !/^nobody:[*!]/.test(line)) this.skip();
      const rs = results(await runAgent(request([{ type: 'user', name: 'nobody', locked: true, passwordHash: { oneOf: ['locked', 'yescrypt', 'sha512'] } }])));
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exists:pass', 'locked:pass', 'passwordHash:pass'],
      );
      assert.deepEqual([rs[1].path, typeof rs[1].line], ['/etc/shadow', 'number']);
    });
    it('as another user: an error that says root is needed and how', async function () {
      if (process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv')) this.skip();
      // The real agent, run as nobody: /etc/shadow is then unreadable, as on a target reached without root.
      const t = await new Promise<Transcript>((resolve) => {
        const child = spawn('/usr/bin/setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', '--', process.execPath, AGENT, 'serve'], {
          cwd: '/',
        });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.on('close', (code) =>
          resolve({
            events: out
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l)),
            lines: [],
            code,
            stderr: '',
            lang: 'en',
          }),
        );
        child.stdin.end(request([{ type: 'user', name: 'root', uid: 0, locked: true }], { lang: 'en' }));
      });
      const rs = results(t);
      assert.deepEqual(
        rs.map((r) => `${r.property}:${r.status}`),
        ['exists:pass', 'uid:pass', 'locked:error'],
      );
      assert.match(rs[2].message, /readable by root only: log in to the target as root, or turn on the target’s sudo option/);
    });
  });

  describe('package: the real package database', () => {
    it('dpkg: bash is installed, in a version range', async function () {
      if (!existsSync('/var/lib/dpkg/status')) this.skip();
      assert.deepEqual(await summary({ type: 'package', name: 'bash', versions: [{ semver: '>=4' }] }), ['installed:pass', 'versions[0]:pass']);
    });
    it('rpm: one rpm -qa through argv lists the packages', async function () {
      if (!existsSync('/usr/bin/rpm') && !existsSync('/bin/rpm')) this.skip(); // rpm absent on this machine: apt-get install rpm to run this
      const list = await listRpm();
      assert.ok(list instanceof Map);
      for (const [name, versions] of list) assert.ok(name && versions.every((v) => /\d/.test(v)), `${name} ${versions.join(',')}`);
    });
  });

  describe('service: SysV and OpenRC trees read from real files and the real /proc', () => {
    const root = mkdtempSync(join(tmpdir(), 'tssr-init-'));
    for (const d of ['etc/init.d', 'etc/rc2.d', 'etc/rc3.d', 'run', 'run/openrc/started', 'etc/runlevels/default'])
      mkdirSync(join(root, d), { recursive: true });
    // A script naming its pid file, enabled in runlevel 2, its pid this very process (alive).
    writeFileSync(join(root, 'etc/init.d/tssrd'), '#!/bin/sh\nstart-stop-daemon --start --pidfile /run/tssrd.pid --exec /usr/sbin/tssrd\n');
    symlinkSync('../init.d/tssrd', join(root, 'etc/rc2.d/S01tssrd'));
    writeFileSync(join(root, 'run/tssrd.pid'), `${process.pid}\n`);
    // A disabled one whose pid file is stale (a pid beyond pid_max).
    writeFileSync(join(root, 'etc/init.d/stale'), '#!/bin/sh\nPIDFILE=/run/stale.pid\n');
    symlinkSync('../init.d/stale', join(root, 'etc/rc3.d/K01stale'));
    writeFileSync(join(root, 'run/stale.pid'), '99999999\n');
    const sysv = sysvProbe(root, '/proc', async () => []);
    const signal = new AbortController().signal;
    it('a running, enabled service, with its uptime from /proc', async () => {
      assert.equal(await sysv.present(), true);
      const s = await sysv.state('tssrd', signal);
      assert.deepEqual([s.running, s.enabled, s.masked], [true, true, null]);
      assert.ok(s.activeSeconds !== null && s.activeSeconds >= 0 && s.activeSeconds < 24 * 3600, String(s.activeSeconds));
    });
    it('a stale pid file is not running; a K link is not enabled', async () => {
      assert.deepEqual(await sysv.state('stale', signal), {
        source: join(root, 'etc/init.d/stale'),
        running: false,
        enabled: false,
        masked: null,
        activeSeconds: null,
      });
    });
    it('no script: neither running nor enabled', async () => {
      const s = await sysv.state('nope', signal);
      assert.deepEqual([s.running, s.enabled], [false, false]);
    });
    it('OpenRC: started and in the default runlevel', async () => {
      writeFileSync(join(root, 'etc/init.d/sshd'), '#!/sbin/openrc-run\n');
      symlinkSync('/etc/init.d/sshd', join(root, 'run/openrc/started/sshd'));
      symlinkSync('/etc/init.d/sshd', join(root, 'etc/runlevels/default/sshd'));
      const openrc = openrcProbe(root);
      assert.equal(await openrc.present(), true);
      const s = await openrc.state('sshd', signal);
      assert.deepEqual([s.running, s.enabled], [true, true]);
      assert.deepEqual([(await openrc.state('nginx', signal)).running, (await openrc.state('nginx', signal)).enabled], [false, false]);
    });
  });
});
