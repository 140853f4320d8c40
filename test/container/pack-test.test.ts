import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labUnavailable, runArgv, LAB_DIR } from '../helpers/container';
import { CLI, PACK } from '../helpers/paths';

const cli = (...args: string[]) => runArgv(process.execPath, [CLI, ...args], undefined, 15 * 60_000);

/**
 * The trainer's proof, through the built CLI: `tssr-lab pack test` boots a fresh container per root exercise, runs its
 * setup, checks (all fail but startsMet), applies the solution and checks again (all pass), over SSH with the real
 * transport. This replaces the unshare-namespace proof (test/pack/solutions.test.ts) and the hand-written container loop.
 */
describe('container: tssr-lab pack test proves the sample pack on fresh containers', function () {
  this.timeout(15 * 60_000);

  before(function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
  });

  it('every exercise proves out (exit 0), the root ones on Debian 12’s Node 18, with a time for each phase', async () => {
    const started = Date.now();
    const r = await cli('pack', 'test', PACK);
    console.log(`${r.stdout.replace(/^/gm, '      ')}\n      (pack test: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const s = String.raw`\d+\.\d s`;
    assert.match(r.stdout, new RegExp(String.raw`^script-sauvegarde +0/6 réussis +6/6 réussis +— +— +${s} +— +${s} +PROUVÉ$`, 'm'));
    assert.match(r.stdout, new RegExp(String.raw`^ssh-durcissement +1/3 réussis \(1 startsMet\) +3/3 réussis +${s} +${s} +${s} +${s} +${s} +PROUVÉ$`, 'm'));
    assert.match(r.stdout, new RegExp(String.raw`^rsyslog-reception +1/4 réussis \(1 startsMet\) +4/4 réussis +${s} +${s} +${s} +${s} +${s} +PROUVÉ$`, 'm'));
    // The agent inside runs on the container's own node: Debian 12's nodejs is v18.
    assert.match(r.stdout, /^Agent dans les conteneurs : Node v18\.\d+\.\d+$/m);
    assert.match(r.stdout, /^3\/3 exercice\(s\) prouvé\(s\) en /m);
  });

  it('a solution that ignores what setup broke fails the proof (exit 1), naming the critères', async () => {
    const pack = join(mkdtempSync(join(tmpdir(), 'tssr-packtest-')), 'tssr-debian');
    cpSync(PACK, pack, { recursive: true });
    const apply = join(pack, 'ssh-durcissement', 'solution', 'apply.sh');
    // Without removing the hosting provider's drop-in, sshd keeps its earlier "yes" values.
    writeFileSync(apply, readFileSync(apply, 'utf8').replace(/^rm -f .*50-cloud-init\.conf$/m, ''));
    const r = await cli('--lang', 'en', 'pack', 'test', pack, '--exercise', 'ssh-durcissement');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^ssh-durcissement +1\/3 passed \(1 startsMet\) +1\/3 passed .* FAILED$/m);
    assert.match(r.stdout, /! ssh-durcissement: critère root-refuse does not pass with the solution \(FAILED\)/);
    assert.match(r.stdout, /! ssh-durcissement: critère mots-de-passe does not pass with the solution \(FAILED\)/);
  });

  it('--keep leaves the solved container up: the hardened sshd refuses a new root login; lab.sh down removes it', async () => {
    const r = await cli('--lang', 'en', 'pack', 'test', PACK, '--exercise', 'ssh-durcissement', '--keep');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const kept = /Containers kept \(--keep\): pt0\. Get in with "(\S+) ssh (\S+) NAME command"/.exec(r.stdout);
    assert.ok(kept, r.stdout);
    const [labSh, run] = [kept[1], kept[2]];
    assert.equal(labSh, join(LAB_DIR, 'lab.sh'));
    try {
      const inside = await runArgv(labSh, ['run', run, 'pt0', 'test', '-f', '/etc/ssh/sshd_config.d/50-tssr-durcissement.conf']);
      assert.equal(inside.code, 0, inside.stderr);
      const login = await runArgv(labSh, ['ssh', run, 'pt0', 'true']);
      assert.equal(login.code, 255, 'a new root login over SSH still succeeds after hardening');
      assert.match(login.stderr, /Permission denied/);
    } finally {
      assert.equal((await runArgv(labSh, ['down', run])).code, 0);
    }
  });

  it('as another user: says it needs root and to use sudo (exit 3), before touching anything', async () => {
    const r = await runArgv('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'pack', 'test', PACK]);
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stderr, /^tssr-lab: pack test démarre des conteneurs systemd-nspawn jetables : il doit tourner en root\. Relancez avec sudo/m);
    assert.equal(r.stdout, '');
  });
});
