import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSystem } from '../../agent/src/system';
import { parseDpkgStatus } from '../../agent/src/system/package-deb';
import { parseProcNet } from '../../agent/src/system/proc-net';
import { readBounded } from '../../agent/src/system/read-bounded';

// The facts the agent reads cheaply at 500 checks (issue 8) answer exactly as a full read would.
describe('agent facts at scale', () => {
  const signal = new AbortController().signal;
  const dir = mkdtempSync(join(tmpdir(), 'tssr-scale-'));

  it('dpkg: fields starting like the kept ones (Pre-Depends, Source, Vcs-Git) change nothing', () => {
    const db = parseDpkgStatus(
      [
        'Package: tar',
        'Priority: required',
        'Pre-Depends: libc6',
        'Section: utils',
        'Source: tar (1.34)',
        'Status: install ok installed',
        'Version: 1.34+dfsg-1',
        'Vcs-Git: https://example.invalid/tar.git',
        'Description: archiver, é',
        '',
        'Package: gone',
        'Status: deinstall ok config-files',
        'Version: 1',
        '',
      ].join('\n'),
    );
    assert.deepEqual([...db], [['tar', ['1.34+dfsg-1']]]);
  });

  it('/proc/net: only rows in the wanted state, however many other connections there are', () => {
    const head = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
    const row = (sl: number, local: string, st: string): string =>
      `  ${sl}: ${local} 0100007F:D2F0 ${st} 00000000:00000000 00:00000000 00000000     0        0 1${sl} 1`;
    const rows = [
      head,
      row(0, '0100007F:0016', '0A'),
      ...Array.from({ length: 50 }, (_, i) => row(i + 1, '0100007F:1F90', '06')),
      row(99, '00000000:01BB', '0A'),
    ];
    assert.deepEqual(
      parseProcNet(rows.join('\n'), 'tcp', false).map((l) => `${l.ip}:${l.port}`),
      ['127.0.0.1:22', '0.0.0.0:443'],
    );
  });

  it('bounded read: a small file, a file of exactly the cap, one byte more, and a file larger than the first buffer', async () => {
    const write = (name: string, text: string): string => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    assert.deepEqual(await readBounded(write('small', 'a\nb\n'), 100, signal), { kind: 'text', text: 'a\nb\n', truncated: false });
    assert.deepEqual(await readBounded(write('exact', 'x'.repeat(100)), 100, signal), { kind: 'text', text: 'x'.repeat(100), truncated: false });
    assert.deepEqual(await readBounded(write('over', 'x'.repeat(101)), 100, signal), { kind: 'text', text: 'x'.repeat(100), truncated: true });
    const big = 'line\n'.repeat(60_000);
    assert.deepEqual(await readBounded(write('big', big), 10 * 1024 * 1024, signal), { kind: 'text', text: big, truncated: false });
  });

  it('bounded read: a /proc file (size 0) is read to its end', async () => {
    const r = await readBounded('/proc/self/status', 1024 * 1024, signal);
    assert.equal(r.kind, 'text');
    assert.match((r as { text: string }).text, /^Name:/);
    assert.match((r as { text: string }).text, /\nPid:\s+\d+/);
  });

  it("bounded read: the caller's lstat of a FIFO refuses it unopened; of a symlink, the target is stat'ed", async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(await readBounded(fifo, 100, signal, lstatSync(fifo)), { kind: 'notRegular', filetype: 'fifo' });
    const link = join(dir, 'link-to-fifo');
    symlinkSync(fifo, link);
    assert.deepEqual(await readBounded(link, 100, signal, lstatSync(link)), { kind: 'notRegular', filetype: 'fifo' });
  });

  it('processes(comm) reads cmdline and status of the named processes only; processes() of all that can be read', async () => {
    const proc = join(dir, 'proc');
    const pid = (n: number, comm: string, detail?: { args: string[]; uid: number }): void => {
      mkdirSync(join(proc, String(n)), { recursive: true });
      writeFileSync(join(proc, String(n), 'comm'), `${comm}\n`);
      if (!detail) return;
      writeFileSync(join(proc, String(n), 'cmdline'), detail.args.map((a) => `${a}\0`).join(''));
      writeFileSync(join(proc, String(n), 'status'), `Name:\t${comm}\nUid:\t${detail.uid}\t${detail.uid}\t${detail.uid}\t${detail.uid}\n`);
    };
    pid(1, 'sshd', { args: ['/usr/sbin/sshd', '-D'], uid: 0 });
    pid(7, 'python3', { args: ['python3', '-m', 'http.server'], uid: 33 });
    pid(9, 'ended'); // its cmdline and status are gone, as for a process that exits during the listing
    mkdirSync(join(proc, 'self'), { recursive: true });
    const system = createSystem({ proc });
    assert.deepEqual(await system.processes('sshd'), [{ pid: 1, comm: 'sshd', args: ['/usr/sbin/sshd', '-D'], uid: 0 }]);
    assert.deepEqual(await system.processes('nothing'), []);
    assert.deepEqual(
      (await system.processes()).map((p) => p.pid),
      [1, 7],
    );
  });
});
