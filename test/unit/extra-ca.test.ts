import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extraCaMovedAside, extraCaRestored } from '../../agent/src/extra-ca';
import { launcherCommand } from '../../extension/src/ssh/remote';
import { makeCert } from '../helpers/certs';
import { exerciseDir } from '../helpers/exercise-dir';
import { CLI, ROOT } from '../helpers/paths';

const BIN = join(ROOT, 'bin', 'tssr-lab');

describe('NODE_EXTRA_CA_CERTS is moved aside at start-up and honoured where it matters', () => {
  it('moves the variable aside for Node and gives it back to commands', () => {
    const user = { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ca.pem' };
    const moved = extraCaMovedAside(user);
    assert.deepEqual(moved, { PATH: '/bin', TSSR_LAB_EXTRA_CA_CERTS: '/etc/ca.pem' });
    assert.deepEqual(extraCaRestored(moved), user);
    // Nothing set: the same objects, nothing added.
    const plain = { PATH: '/bin' };
    assert.equal(extraCaMovedAside(plain), plain);
    assert.equal(extraCaRestored(plain), plain);
    // A variable the user set again after the move wins over the moved one.
    assert.deepEqual(extraCaRestored({ TSSR_LAB_EXTRA_CA_CERTS: '/a.pem', NODE_EXTRA_CA_CERTS: '/b.pem' }), { NODE_EXTRA_CA_CERTS: '/b.pem' });
  });

  it('the SSH launcher moves it aside in POSIX sh before starting the agent', () => {
    const cmd = launcherCommand('abcdef');
    const run = (env: Record<string, string>): string =>
      // The launcher with its last step replaced by a print of what Node would get.
      execFileSync('sh', ['-c', cmd.replace(/exec node .*$/, 'env | grep EXTRA_CA_CERTS | sort; true').replace(/\[ -f [^|]*\|\| \{[^}]*\}; /, '')], {
        env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'tssr-home-')), ...env },
        encoding: 'utf8',
      }).trim();
    assert.equal(run({ NODE_EXTRA_CA_CERTS: '/etc/ca.pem' }), 'TSSR_LAB_EXTRA_CA_CERTS=/etc/ca.pem');
    assert.equal(run({}), '');
  });

  describe('through bin/tssr-lab, the command users run', () => {
    let ex = '';
    let server: ReturnType<typeof createServer> | undefined;
    let ca = '';
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tssr-extra-ca-'));
      // A certificate that only NODE_EXTRA_CA_CERTS makes trusted.
      const named = makeCert(dir, 'intranet', { subject: '/CN=intranet.tssr.lan', san: 'DNS:intranet.tssr.lan' });
      ca = named.cert;
      server = createServer({ key: readFileSync(named.key), cert: readFileSync(ca) }, (_req, res) => res.end('Bienvenue\n'));
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
      const port = (server.address() as AddressInfo).port;
      const env =
        'p=$(tr "\\0" "\\n" < /proc/$PPID/environ | grep -c "^NODE_EXTRA_CA_CERTS=" || true); printf "child=%s parent=%s moved=%s\\n" "$NODE_EXTRA_CA_CERTS" "$p" "${TSSR_LAB_EXTRA_CA_CERTS-none}"';
      ex = exerciseDir(
        {
          https: { type: 'http', url: `https://127.0.0.1:${port}/`, serverName: 'intranet.tssr.lan', body: ['Bienvenue'] },
          cert: { type: 'tlsCert', address: `127.0.0.1:${port}`, serverName: 'intranet.tssr.lan', trusted: true },
          env: { type: 'command', exec: ['sh', '-c', env], stdout: [{ matches: '.' }] },
        },
        'tssr-extra-ca-ex-',
      );
    });
    after(() => server?.close());

    /** Runs `check --format json` (asynchronously: the server answers from this process) and returns each critère's verdict and the command's output. */
    function check(argv: string[], env: NodeJS.ProcessEnv): Promise<{ verdicts: Record<string, string>; seen: string }> {
      return new Promise((resolve, reject) => {
        execFile(argv[0], [...argv.slice(1), 'check', ex, '--format', 'json'], { env, encoding: 'utf8' }, (_e, stdout, stderr) => {
          try {
            const report = JSON.parse(stdout) as { criteria: Array<{ id: string; status: string; results: Array<{ actual?: unknown }> }> };
            const verdicts = Object.fromEntries(report.criteria.map((c) => [c.id, c.status]));
            const seen = JSON.stringify(report.criteria.find((c) => c.id === 'env')?.results[0].actual ?? '');
            resolve({ verdicts, seen });
          } catch (e) {
            reject(new Error(`${(e as Error).message}\n${stdout}\n${stderr}`));
          }
        });
      });
    }
    const base = (): NodeJS.ProcessEnv => {
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      delete env.TSSR_LAB_EXTRA_CA_CERTS;
      return env;
    };

    it('Node starts without the variable, TLS trusts its certificates, commands see it as the user set it', async () => {
      const r = await check([BIN], { ...base(), NODE_EXTRA_CA_CERTS: ca });
      assert.deepEqual(r.verdicts, { https: 'passed', cert: 'passed', env: 'passed' }, r.seen);
      assert.match(r.seen, new RegExp(`child=${ca} parent=0 moved=none`));
    });

    it('without the variable, the certificate is not trusted (the case above is no accident)', async () => {
      const r = await check([BIN], base());
      assert.deepEqual(r.verdicts, { https: 'failed', cert: 'failed', env: 'passed' });
      assert.match(r.seen, /child= parent=0 moved=none/);
    });

    it('`node dist/cli.js` gives the same verdicts, with Node parsing the file at start-up', async () => {
      const r = await check([process.execPath, CLI], { ...base(), NODE_EXTRA_CA_CERTS: ca });
      assert.deepEqual(r.verdicts, { https: 'passed', cert: 'passed', env: 'passed' });
      assert.match(r.seen, new RegExp(`child=${ca} parent=1 moved=none`));
    });
  });
});
