import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prop, request, results, runAgent } from '../helpers/agent';

const dir = mkdtempSync(join(tmpdir(), 'tssr-script-'));
const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** Runs one script check whose script is `text`, sent as the workspace file `s.sh`. */
async function script(text: string, check: Record<string, unknown> = {}): Promise<Array<Record<string, any>>> {
  const workspace = [
    { path: 's.sh', contentBase64: b64(text), mode: 0o644 },
    { path: 'data/in.csv', contentBase64: b64('alice;bob\n') },
  ];
  return results(await runAgent(request([{ type: 'script', script: 's.sh', ...check }], { workspace })));
}

const summary = (rs: Array<Record<string, any>>): string[] => rs.map((r) => `${r.property}:${r.status}`);

describe('script check on this machine', function () {
  this.timeout(60_000);
  it('runs a workspace script without its execute bit, with args, stdin and its #! interpreter', async () => {
    const rs = await script('#!/bin/bash\n[[ -n "$1" ]] && echo "arg=$1"\nread -r x; echo "stdin=$x"\n', {
      args: ['bob'],
      stdin: 'zz\n',
      stdout: ['arg=bob', { matches: '^stdin=zz$' }],
    });
    assert.deepEqual(summary(rs), ['exitStatus:pass', 'stdout[0]:pass', 'stdout[1]:pass']);
  });

  it('gives a clean environment: PATH, HOME (the sandbox), LANG and env only, no secret of the agent', async () => {
    process.env.TSSR_TEST_SECRET = 'leak';
    try {
      const rs = await script('env | sort | cut -d= -f1 | tr "\\n" " "; echo; echo "home=$HOME pwd=$PWD x=$X"\n', {
        env: { X: 'y' },
        stdout: [{ contains: 'home=' }],
      });
      const out = prop(rs, 'stdout[0]').actual as string;
      assert.match(out, /^HOME LANG PATH PWD (SHLVL )?X /);
      assert.doesNotMatch(out, /TSSR_TEST_SECRET/);
      const home = /home=(\S+) pwd=(\S+) x=y/.exec(out);
      assert.ok(home && home[1] === home[2] && home[1].includes('tssr-lab-ws-'), out);
      assert.equal(existsSync(home![1]), false, 'the sandbox is removed after the run');
    } finally {
      delete process.env.TSSR_TEST_SECRET;
    }
  });

  it('copies fixtures (inline and from the workspace) and checks the files it creates', async () => {
    const rs = await script('cat in.csv data/in.csv > out.txt; mkdir -p sub; echo done > sub/ok\n', {
      fixtures: [{ path: 'in.csv', content: 'carol\n' }, 'data/in.csv'],
      creates: [{ path: 'out.txt', contents: ['carol', { matches: '^alice;bob$' }] }, 'sub/ok', 'absent.txt'],
    });
    assert.deepEqual(summary(rs), [
      'exitStatus:pass',
      'creates[0]:pass',
      'creates[0].contents[0]:pass',
      'creates[0].contents[1]:pass',
      'creates[1]:pass',
      'creates[2]:fail',
    ]);
    assert.equal(prop(rs, 'creates[2]').reason.code, 'script.notCreated');
  });

  it('asserts the exit status with a plain value or a matcher', async () => {
    assert.equal(prop(await script('exit 3\n'), 'exitStatus').status, 'fail');
    assert.equal(prop(await script('exit 3\n', { exitStatus: { not: 0 } }), 'exitStatus').status, 'pass');
    assert.equal(prop(await script('echo oops >&2; exit 2\n', { exitStatus: 2, stderr: ['oops'] }), 'stderr[0]').status, 'pass');
  });

  it('a missing learner script fails and skips the rest with the reason', async () => {
    const rs = results(await runAgent(request([{ type: 'script', script: 'absent.sh', stdout: ['x'] }])));
    assert.deepEqual(summary(rs), ['script:fail', 'exitStatus:skip', 'stdout[0]:skip']);
    assert.deepEqual(rs[1].reason, { code: 'skipped', params: { why: { code: 'script.missing', params: { script: 'absent.sh' } } } });
  });

  it('runs a script at an absolute path on the target', async () => {
    const path = join(dir, 'target.sh');
    writeFileSync(path, 'echo from-target\n');
    const rs = results(await runAgent(request([{ type: 'script', script: path, stdout: { matches: '^from-target$' } }])));
    assert.deepEqual(summary(rs), ['exitStatus:pass', 'stdout:pass']);
  });

  it('idempotent: a second run that appends is caught, one that rewrites the same is not', async () => {
    const appends = await script('echo line >> log.txt\n', { idempotent: true });
    assert.equal(prop(appends, 'idempotent').status, 'fail');
    assert.equal(prop(appends, 'idempotent').reason.code, 'script.treeChanged');
    assert.deepEqual(prop(appends, 'idempotent').actual.differences[0], { path: 'log.txt', what: 'size', expected: 5, actual: 10 });
    assert.equal(prop(await script('echo line > log.txt\n', { idempotent: true }), 'idempotent').status, 'pass');
    const exits = await script('[ -e done ] && exit 1; touch done\n', { idempotent: true });
    assert.equal(prop(exits, 'idempotent').reason.code, 'script.exitChanged');
  });

  it('keeps 1 MiB of output, flags the cut and refuses to prove an absence in it', async () => {
    const flood = 'head -c 2000000 /dev/zero | tr "\\0" a; echo\n';
    const rs = await script(flood, { stdout: [{ contains: 'aaaa' }, { contains: 'b' }, { notContains: 'b' }] });
    assert.deepEqual(summary(rs), ['exitStatus:pass', 'stdout[0]:pass', 'stdout[1]:error', 'stdout[2]:error']);
    assert.deepEqual(prop(rs, 'stdout[1]').reason, { code: 'script.outputTruncated', params: { property: 'stdout[1]', limit: 1048576 } });
  });

  it('a timeout kills the script and its children (process group)', async () => {
    const pidFile = join(dir, 'child.pid');
    const rs = await script(`sleep 30 & echo $! > ${pidFile}; wait\n`, { timeoutMs: 1000 });
    assert.deepEqual(summary(rs), ['check:error']);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting for an init that does not reap (containers): either way no longer running.
    const state = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone';
    assert.ok(state === 'gone' || state === 'Z', `the child ${pid} still runs (state ${state})`);
  });

  it('runs as another user with runAs (the agent is root here)', async function () {
    if (process.getuid?.() !== 0) this.skip();
    const rs = await script('id -un; touch mine; stat -c %U mine\n', { runAs: 'nobody', stdout: { equals: 'nobody\nnobody' } });
    assert.deepEqual(summary(rs), ['exitStatus:pass', 'stdout:pass']);
    const unknown = await script('true\n', { runAs: 'no-such-user-x' });
    assert.deepEqual(summary(unknown), ['script:error', 'exitStatus:skip']);
    assert.equal(unknown[0].reason.code, 'script.unknownUser');
  });
});
