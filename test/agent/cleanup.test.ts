import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results } from '../helpers/agent';
import { startAgent, workspacesOf } from './spawn-agent';

const hanging = request([{ type: 'command', exec: ['sleep', '30'], exitStatus: 0 }]);
const isEvent =
  (name: string) =>
  (l: string): boolean =>
    l.includes(`"event":"${name}"`);

/** Starts an agent on a hanging check and waits until its workspace exists (the request has been read). */
async function agentMidRun(input = hanging): Promise<ReturnType<typeof startAgent> & { folder: string }> {
  const agent = startAgent(input);
  await agent.waitFor(isEvent('hello'));
  for (let i = 0; i < 200 && workspacesOf(agent.child.pid!).length === 0; i++) await new Promise((r) => setImmediate(r));
  const [name] = workspacesOf(agent.child.pid!);
  assert.ok(name, 'the agent created its workspace');
  return { ...agent, folder: join(tmpdir(), name) };
}

describe('agent temp workspace cleanup', () => {
  it('is named after the agent pid and removed at a normal end', async () => {
    const agent = startAgent(request([{ type: 'command', exec: ['pwd'], stdout: [{ matches: `tssr-lab-ws-\\d+-` }] }]));
    const pid = agent.child.pid!;
    assert.equal(await agent.exited, 0);
    assert.ok(
      agent.lines.some((l) => l.includes('"status":"pass"')),
      agent.lines.join('\n'),
    );
    assert.deepEqual(workspacesOf(pid), []);
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal} mid-run leaves no folder and says INTERRUPTED`, async () => {
      const agent = await agentMidRun();
      agent.child.kill(signal);
      await agent.exited;
      assert.equal(existsSync(agent.folder), false);
      const events = agent.lines.map((l) => JSON.parse(l));
      results({ events, lines: agent.lines, code: null, stderr: '' });
      assert.equal(events.at(-1).code, 'INTERRUPTED');
    });
  }

  it('a fatal after the workspace leaves no folder', async () => {
    const agent = startAgent(
      request([], {
        workspace: [
          { path: 'a', contentBase64: 'eA==' },
          { path: 'a', contentBase64: 'eA==' },
        ],
      }),
    );
    const pid = agent.child.pid!;
    assert.equal(await agent.exited, 2);
    assert.ok(agent.lines.some(isEvent('fatal')));
    assert.deepEqual(workspacesOf(pid), []);
  });

  it('the client gone (EPIPE on stdout) stops the agent at its next line and leaves no folder', async () => {
    // The hanging check would hold the run 30 s; the short one writes a result into the closed pipe first.
    const agent = await agentMidRun(
      request([
        { type: 'command', exec: ['sleep', '30'] },
        { type: 'command', exec: ['sleep', '0.3'], exitStatus: 0 },
      ]),
    );
    agent.child.stdout!.destroy();
    const started = Date.now();
    await agent.exited;
    assert.ok(Date.now() - started < 20_000, 'did not wait for the hanging check');
    assert.equal(existsSync(agent.folder), false);
  });

  it('a folder left by SIGKILL is swept by the next agent', async () => {
    const killed = await agentMidRun();
    killed.child.kill('SIGKILL');
    await killed.exited;
    assert.equal(existsSync(killed.folder), true, 'SIGKILL cannot be caught: the folder stays until the next start');
    const next = startAgent(request([{ type: 'file', path: '/etc/hostname' }]));
    assert.equal(await next.exited, 0);
    assert.equal(existsSync(killed.folder), false);
  });
});
