import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSshd, type Sshd } from '../helpers/sshd';
import { cli, row } from './fault-cli';
import { writeExercise } from './fault-exercises';

describe('SSH fault: target without Node.js', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  let work: string;
  before(async () => {
    sshd = await startSshd(['SetEnv PATH=/tssr-lab/no-node-here']);
    work = mkdtempSync(join(tmpdir(), 'tssr-faults-'));
    writeExercise(work);
  });
  after(() => {
    sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('Node missing: says how to install it, exit 3, nothing uploaded', async () => {
    const r = await cli(join(work, 'midrun'), ['--target', `ssh://root@127.0.0.1:${sshd.port}`, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts]);
    assert.equal(r.code, 3);
    assert.match(r.out, /Node\.js n’est pas installé sur ssh:\/\/root@127\.0\.0\.1:\d+.*apt-get install -y nodejs.*dnf install -y nodejs/s);
    assert.doesNotMatch(r.out, /agent uploaded/);
    row('Node missing', 'exit 3, NODE_MISSING', r.ms, 'none (no agent)');
  });
});

/** Fake `node` programs that behave like an old Node: one cannot parse the bundle, one runs it and says hello. */
const OLD_NODES: Record<string, string> = {
  'cannot parse the bundle': `#!/bin/sh
if [ "$1" = "-p" ]; then echo 14.21.3; exit 0; fi
echo "$2:1 SyntaxError: Unexpected token '?'" >&2; exit 1
`,
  'says hello with its version': `#!/bin/sh
if [ "$1" = "-p" ]; then echo 16.20.2; exit 0; fi
echo '{"event":"hello","protocol":"1.0","agentVersion":"0.1.0","node":"v16.20.2","platform":"linux-x64","checkTypes":["file"]}'
sleep 30
`,
};

describe('SSH fault: target with a Node older than 18', function () {
  this.timeout(60_000);
  for (const [how, script] of Object.entries(OLD_NODES)) {
    it(`old Node that ${how}: says which version and how to install a newer one, exit 3`, async () => {
      const bin = mkdtempSync(join(tmpdir(), 'tssr-old-node-'));
      writeFileSync(join(bin, 'node'), script);
      chmodSync(join(bin, 'node'), 0o755);
      const sshd = await startSshd([`SetEnv PATH=${bin}:/usr/bin:/bin`]);
      const work = join(bin, 'ex');
      mkdirSync(work);
      writeExercise(work);
      try {
        const r = await cli(join(work, 'midrun'), ['--target', `ssh://root@127.0.0.1:${sshd.port}`, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts]);
        assert.equal(r.code, 3, r.out);
        assert.match(
          r.out,
          /Node\.js v?1[46]\.\d+\.\d+ est trop ancien sur ssh:\/\/root@127\.0\.0\.1:\d+ \(TSSR Lab demande la version 18 ou plus\).*apt-get install -y nodejs/s,
        );
        assert.ok(r.ms < 10_000, `${r.ms} ms`);
        row(`old Node (${how})`, 'exit 3, NODE_MISSING', r.ms, 'none (no agent)');
      } finally {
        sshd.stop();
        rmSync(bin, { recursive: true, force: true });
      }
    });
  }
});
