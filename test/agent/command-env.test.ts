import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prop, request, results, runAgentVia } from '../helpers/agent';

// bash reads ~/.bashrc in `bash -c` when it thinks sshd or rshd started it (SSH_CLIENT set, or stdin a socket) and its
// shell level is below 2. Over SSH the agent runs exactly so: SSH_CLIENT set and SHLVL 0. A command check must still
// see what a terminal's `bash -c` sees, without the user's .bashrc.
describe('command checks run as from a terminal, not as a remote shell', function () {
  this.timeout(30_000);
  let home: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'tssr-home-'));
    writeFileSync(join(home, '.bashrc'), 'echo BASHRC-READ\n');
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  // The agent's environment as sshd's shell leaves it when it execs the agent.
  const sshEnv = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: home,
    SSH_CLIENT: '10.0.0.1 50000 22',
    SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22',
    SHLVL: '0',
  });
  const echo = { type: 'command', exec: ['bash', '-c', 'echo "ssh=${SSH_CLIENT:-none} level=$SHLVL"'] };

  for (const [name, check] of [
    ['no stdin: /dev/null, not a socket', { ...echo, stdout: [{ equals: 'ssh=none level=2\n' }] }],
    [
      'with stdin: still no .bashrc',
      { ...echo, exec: ['bash', '-c', 'cat; echo "ssh=${SSH_CLIENT:-none}"'], stdin: 'in\n', stdout: [{ equals: 'in\nssh=none\n' }] },
    ],
  ] as const) {
    it(`bash -c does not read ~/.bashrc and sees no SSH markers (${name})`, async () => {
      const rs = results(await runAgentVia([], request([check]), 30_000, sshEnv()));
      const r = prop(rs, 'stdout[0]');
      assert.equal(r.status, 'pass', JSON.stringify(r.actual));
      assert.doesNotMatch(String(r.actual), /BASHRC-READ/);
    });
  }

  it('the rest of the environment is the agent’s own (PATH, HOME)', async () => {
    const rs = results(
      await runAgentVia([], request([{ type: 'command', exec: ['sh', '-c', 'echo "$HOME"'], stdout: [{ equals: `${home}\n` }] }]), 30_000, sshEnv()),
    );
    assert.equal(prop(rs, 'stdout[0]').status, 'pass', JSON.stringify(prop(rs, 'stdout[0]').actual));
  });
});
