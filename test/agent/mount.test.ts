import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results, runAgent, type Transcript } from '../helpers/agent';
import { AGENT } from '../helpers/paths';

/** Runs the built agent in a private mount namespace where a 1 MiB noexec tmpfs is mounted on `dir`, half full. */
function agentWithTmpfs(dir: string, input: string): Promise<Transcript> {
  const script = 'mount -t tmpfs -o size=1m,noexec tssr-tmpfs "$1" && head -c 524288 /dev/zero > "$1/half" && exec "$2" "$3" serve';
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', dir, process.execPath, AGENT]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter(Boolean);
      resolve({ lines, events: lines.map((l) => JSON.parse(l)), code, stderr: err });
    });
    child.stdin.end(input);
  });
}

/** `index.property:status` per result, grouped by check (checks run concurrently, each in its own order). */
const byCheck = (rs: Array<Record<string, any>>): string[] =>
  [...rs].sort((a, b) => a.checkIndex - b.checkIndex).map((r) => `${r.checkIndex}.${r.property}:${r.status}`);

describe('agent mount check on real mounts', () => {
  it('the root file system and /proc of this machine', async () => {
    const rs = results(
      await runAgent(
        request([
          { type: 'mount', mountPoint: '/', usage: { le: 100 } },
          { type: 'mount', mountPoint: '/proc', filesystem: 'proc', source: 'proc' },
          { type: 'mount', mountPoint: '/tssr-not-mounted', filesystem: 'ext4' },
        ]),
      ),
    );
    assert.deepEqual(byCheck(rs), [
      '0.exists:pass',
      '0.usage:pass',
      '1.exists:pass',
      '1.source:pass',
      '1.filesystem:pass',
      '2.exists:fail',
      '2.filesystem:skip',
    ]);
    assert.equal(rs.find((r) => r.checkIndex === 1)!.path, '/proc/self/mounts');
  });

  it('a tmpfs mounted in a private namespace: source, type, options and usage', async function () {
    if (process.getuid?.() !== 0 || spawnSync('unshare', ['-m', 'true']).status !== 0) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'tssr-mnt-'));
    const rs = results(
      await agentWithTmpfs(
        dir,
        request([
          { type: 'mount', mountPoint: dir, source: 'tssr-tmpfs', filesystem: 'tmpfs', opts: ['rw', 'noexec'], usage: { ge: 50 } },
          { type: 'mount', mountPoint: dir + '/', opts: { not: { contains: 'noexec' } }, usage: { lt: 10 } },
        ]),
      ),
    );
    assert.deepEqual(byCheck(rs), [
      '0.exists:pass',
      '0.source:pass',
      '0.filesystem:pass',
      '0.opts:pass',
      '0.usage:pass',
      '1.exists:pass',
      '1.opts:fail',
      '1.usage:fail',
    ]);
    assert.equal(rs.find((r) => r.checkIndex === 0 && r.property === 'usage')!.actual, 50);
    // The host never saw it: the namespace was private.
    assert.deepEqual(
      results(await runAgent(request([{ type: 'mount', mountPoint: dir, exists: false }]))).map((r) => r.status),
      ['pass'],
    );
  });
});
