import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results, type Transcript } from '../helpers/agent';
import { AGENT } from '../helpers/paths';

/** Runs the built agent as the unprivileged user `nobody` (the test itself runs as root). */
function agentAsNobody(input: string): Promise<Transcript> {
  return new Promise((resolve, reject) => {
    const child = spawn('runuser', ['-u', 'nobody', '--', process.execPath, AGENT, 'serve'], { cwd: '/' });
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

describe('agent checks that need root, run as nobody', () => {
  before(function () {
    if (process.getuid?.() !== 0 || spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, AGENT, '--version']).status !== 0) this.skip();
  });
  const dir = mkdtempSync(join(tmpdir(), 'tssr-root-'));
  chmodSync(dir, 0o755);
  const secret = join(dir, 'secret.conf');
  writeFileSync(secret, 'Password=x\n', { mode: 0o600 });

  it('an error with the fix, never a fail: a root-only file, a root-only log, sshd -T without host keys', async () => {
    const t = await agentAsNobody(
      request([
        { type: 'configKey', format: 'keyValue', path: secret, key: 'Password', value: 'x' },
        { type: 'log', path: secret, pattern: 'x' },
        { type: 'configKey', format: 'sshd', key: 'PermitRootLogin', value: 'no' },
      ]),
    );
    const rs = [...results(t)].sort((a, b) => a.checkIndex - b.checkIndex);
    assert.deepEqual(
      rs.map((r) => `${r.checkIndex}.${r.property}:${r.status}:${r.reason.code}`),
      [
        '0.exists:error:configKey.needsRoot',
        '0.value:skip:skipped',
        '1.found:error:log.needsRoot',
        '2.exists:error:configKey.needsRoot',
        '2.value:skip:skipped',
      ],
    );
  });
});
