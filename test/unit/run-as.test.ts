import assert from 'node:assert/strict';
import { command } from '../../agent/src/checks/command';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { asUser, resolveRunAs, setprivExecFailure } from '../../agent/src/run-as';
import { parseGroups, parsePasswd } from '../../agent/src/system/passwd';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());
const passwd = parsePasswd('root:x:0:0:root:/root:/bin/bash\nalice:x:1002:1002::/nonexistent-home:/bin/sh\n');
const groups = parseGroups('root:x:0:\nalice:x:1002:\ncompta:x:2000:bob,alice\nrh:x:2001:bob\n');

describe('runAs: resolving the user', () => {
  const cases: Array<[string, string, number, unknown]> = [
    [
      'as root: switch, with the primary and supplementary groups',
      'alice',
      0,
      { kind: 'switch', identity: { name: 'alice', uid: 1002, gid: 1002, groups: [1002, 2000], home: '/nonexistent-home', shell: '/bin/sh' } },
    ],
    ['already that user: no switch', 'alice', 1002, { kind: 'self' }],
    ['without root: an error saying root is needed', 'alice', 1000, { kind: 'failed', reason: { code: 'runAs.needsRoot', params: { user: 'alice' } } }],
    ['an unknown user', 'mallory', 0, { kind: 'failed', reason: { code: 'runAs.noUser', params: { user: 'mallory' } } }],
  ];
  for (const [name, user, uid, expected] of cases) {
    it(name, async () => assert.deepEqual(await resolveRunAs(fakeSystem({ passwd, groups }), user, uid), expected));
  }

  it('spawns through setpriv with ids, groups, a clean environment and the home (or /)', async () => {
    const s = await asUser(
      { name: 'alice', uid: 1002, gid: 1002, groups: [1002, 2000], home: '/nonexistent-home', shell: '/bin/sh' },
      ['touch', '/srv/compta/x'],
      '/usr/bin/setpriv',
    );
    assert.deepEqual(
      [s.file, s.args, s.cwd],
      ['/usr/bin/setpriv', ['--reuid', '1002', '--regid', '1002', '--groups', '1002,2000', '--', 'touch', '/srv/compta/x'], '/'],
    );
    assert.deepEqual([s.env.HOME, s.env.USER, s.env.LOGNAME, s.env.PATH], ['/nonexistent-home', 'alice', 'alice', '/usr/local/bin:/usr/bin:/bin']);
    assert.ok(!Object.keys(s.env).some((k) => /^(SSH_|npm_|TSSR)/.test(k)), Object.keys(s.env).join(' '));
  });

  it('tells setpriv’s own start failure from the program’s exit status 127', () => {
    assert.equal(setprivExecFailure(127, 'setpriv: failed to execute nope: No such file or directory\n'), 'No such file or directory');
    assert.equal(setprivExecFailure(127, 'sh: 1: nope: not found\n'), undefined);
    assert.equal(setprivExecFailure(0, 'setpriv: failed to execute x: y'), undefined);
  });

  it('a command check with runAs, without root, is an error on runAs and skips the rest', async function () {
    if (process.getuid?.() === 0) {
      // As root the switch happens; the same check as a user whose uid differs needs a non-root agent: exercised above.
      const { summary } = await runOn(command, { type: 'command', exec: ['true'], runAs: 'mallory', exitStatus: 0 }, fakeSystem({ passwd, groups }), regex);
      assert.deepEqual(summary, ['runAs:error', 'exitStatus:skip']);
      return;
    }
    const { summary, outcomes } = await runOn(
      command,
      { type: 'command', exec: ['true'], runAs: 'alice', exitStatus: 0 },
      fakeSystem({ passwd, groups }),
      regex,
    );
    assert.deepEqual(summary, ['runAs:error', 'exitStatus:skip']);
    assert.equal(outcomes[0].reason?.code, 'runAs.needsRoot');
  });
});
