import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidateRequest, createScriptRunner, createTransport, type TransportRequest } from '../../extension/src/core/create-transport';
import { TransportError, UsageError } from '../../extension/src/core/errors';
import type { Candidate } from '../../extension/src/core/grade/inventory';
import { t } from '../../extension/src/core/i18n';
import { LocalTransport } from '../../extension/src/core/local-transport';
import { LocalScriptRunner, type ScriptRunner } from '../../extension/src/core/script-runner';
import type { SshOptions } from '../../extension/src/core/ssh-options';
import { parseTarget } from '../../extension/src/core/target';
import type { Transport } from '../../extension/src/core/transport';
import { WorkerTransport } from '../../extension/src/core/worker-transport';
import { ROOT } from '../helpers/paths';

/** The seam: an SSH factory that records the options it was given (the real SshTransport is the ssh suite's). */
function recorder(): { built: SshOptions[]; ssh: (o: SshOptions) => Transport & ScriptRunner } {
  const built: SshOptions[] = [];
  const ssh = (o: SshOptions): Transport & ScriptRunner => {
    built.push(o);
    return {
      label: `ssh://${o.user}@${o.host}`,
      runAgent: () => Promise.reject(new Error('not run')),
      runScript: () => Promise.reject(new Error('not run')),
      dispose: async () => undefined,
    };
  };
  return { built, ssh };
}

describe('createTransport: one place builds every transport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-transport-'));
  const agentFile = join(dir, 'agent.js');
  writeFileSync(agentFile, '// agent v1\n');
  const missing = join(dir, 'absent.js');
  const savedSock = process.env.SSH_AUTH_SOCK;
  before(() => {
    process.env.SSH_AUTH_SOCK = '/run/user/1000/ssh-agent.sock';
  });
  after(() => {
    if (savedSock === undefined) delete process.env.SSH_AUTH_SOCK;
    else process.env.SSH_AUTH_SOCK = savedSock;
  });
  const sshReq = (more: Partial<TransportRequest> = {}): TransportRequest => ({ target: parseTarget('ssh://alice@vm1:2222'), agentFile, lang: 'fr', ...more });

  it('an SSH target gets the defaults: ~/.ssh/known_hosts, the agent source, SSH_AUTH_SOCK', () => {
    const { built, ssh } = recorder();
    createTransport(sshReq({ identityFile: '/k/id', sudo: true, acceptNew: true }), ssh);
    const { progress, log, ...o } = built[0];
    assert.deepEqual(o, {
      host: 'vm1',
      port: 2222,
      user: 'alice',
      identityFile: '/k/id',
      passphrase: undefined,
      password: undefined,
      knownHostsFile: join(homedir(), '.ssh', 'known_hosts'),
      acceptNew: true,
      acceptFingerprint: undefined,
      sudo: true,
      agentSource: '// agent v1\n',
      agentSocket: '/run/user/1000/ssh-agent.sock',
      lang: 'fr',
    });
    assert.equal(progress, undefined);
    assert.equal(log, undefined);
  });

  it('the agent file is read once per version (size and mtime), again when it changes', () => {
    const { built, ssh } = recorder();
    const file = join(dir, 'agent-2.js');
    writeFileSync(file, 'aaa');
    utimesSync(file, 1e9, 1e9);
    createTransport(sshReq({ agentFile: file }), ssh);
    // Same size, same mtime: the cached source (a room of hosts reads the agent once).
    writeFileSync(file, 'bbb');
    utimesSync(file, 1e9, 1e9);
    createTransport(sshReq({ agentFile: file }), ssh);
    writeFileSync(file, 'second');
    createTransport(sshReq({ agentFile: file }), ssh);
    assert.deepEqual(
      built.map((o) => o.agentSource),
      ['aaa', 'aaa', 'second'],
    );
  });

  it('a missing agent file is a TransportError AGENT_MISSING naming the file', () => {
    assert.throws(
      () => createTransport(sshReq({ agentFile: missing }), recorder().ssh),
      (e: unknown) => e instanceof TransportError && e.code === 'AGENT_MISSING' && e.message.includes(missing),
    );
  });

  it('password authentication never offers the ssh-agent; an explicit socket is kept otherwise', () => {
    const { built, ssh } = recorder();
    createTransport(sshReq({ auth: 'password' }), ssh);
    createTransport(sshReq({ password: 's3cret' }), ssh);
    createTransport(sshReq({ agentSocket: '/tmp/other.sock' }), ssh);
    assert.deepEqual(
      built.map((o) => [o.agentSocket, o.password]),
      [
        [undefined, undefined],
        [undefined, 's3cret'],
        ['/tmp/other.sock', undefined],
      ],
    );
  });

  it("progress reaches `notify` worded in the request's language; trace lines reach `log`", () => {
    const { built, ssh } = recorder();
    const lines: string[] = [];
    const traces: string[] = [];
    createTransport(sshReq({ lang: 'en', notify: (l) => lines.push(l), log: (l) => traces.push(l) }), ssh);
    built[0].progress!({ kind: 'agentUploaded', file: '~/.cache/tssr-lab/agent-1.js' });
    built[0].log!('ssh ready');
    assert.deepEqual(lines, [t('en', 'ssh.agentUploaded', '~/.cache/tssr-lab/agent-1.js')]);
    assert.deepEqual(traces, ['ssh ready']);
  });

  it("a grading candidate maps to its host, user, jumps and key, else the evaluator's identity", () => {
    const { built, ssh } = recorder();
    const jump = [{ host: 'bastion', port: 22, user: 'jury', key: '/k/bastion' }];
    const alice: Candidate = { id: 'c1', name: 'Alice', host: '10.0.0.5', port: 2201, user: 'root', key: '/k/alice', jump, vars: { ip: '10.0.0.5' } };
    const bob: Candidate = { id: 'c2', name: 'Bob', host: '10.0.0.6', port: 22, user: 'tssr', jump: [], vars: {} };
    const defaults = { agentFile, lang: 'fr' as const, identityFile: '/k/jury', knownHostsFile: '/run/kh', sudo: true };
    createTransport(candidateRequest(alice, defaults), ssh);
    createTransport(candidateRequest(bob, defaults), ssh);
    assert.deepEqual(
      built.map((o) => [o.host, o.port, o.user, o.identityFile, o.jump, o.knownHostsFile, o.sudo]),
      [
        ['10.0.0.5', 2201, 'root', '/k/alice', jump, '/run/kh', true],
        ['10.0.0.6', 22, 'tssr', '/k/jury', [], '/run/kh', true],
      ],
    );
    assert.ok(built.every((o) => !('id' in o) && !('vars' in o) && !('name' in o)));
  });

  it('sudo on a local target is refused with SUDO_LOCAL, before anything starts', () => {
    const { built, ssh } = recorder();
    assert.throws(
      () => createTransport({ target: { kind: 'local' }, agentFile, lang: 'en', sudo: true, local: 'worker' }, ssh),
      (e: unknown) => e instanceof UsageError && e.code === 'SUDO_LOCAL' && e.message === t('en', 'usage.sudoLocal'),
    );
    assert.equal(built.length, 0);
  });

  it('a local target runs in a child process by default, in a worker thread on request, never through the factory', async () => {
    const { built, ssh } = recorder();
    // A missing agent file: the worker transport starts no thread until a run, which then reports AGENT_MISSING.
    const child = createTransport({ target: { kind: 'local' }, agentFile: missing, lang: 'fr' }, ssh);
    const worker = createTransport({ target: { kind: 'local' }, agentFile: missing, lang: 'fr', local: 'worker' }, ssh);
    assert.ok(child instanceof LocalTransport);
    assert.ok(worker instanceof WorkerTransport);
    await worker.dispose();
    assert.equal(built.length, 0);
  });

  it('the script runner: this machine (sudo flag ignored), or SSH without the agent and without sudo', () => {
    const { built, ssh } = recorder();
    assert.ok(createScriptRunner({ target: { kind: 'local' }, agentFile, lang: 'fr', sudo: true }, ssh, false) instanceof LocalScriptRunner);
    createScriptRunner(sshReq({ agentFile: missing, sudo: true }), ssh, false);
    assert.deepEqual([built.length, built[0].agentSource, built[0].sudo], [1, '', undefined]);
  });

  it('a local transport leaves ssh2 unloaded; the first SSH transport loads it', () => {
    const out = join(ROOT, 'out/extension/src');
    const script = `
      const { createTransport } = require(${JSON.stringify(join(out, 'core/create-transport'))});
      const { sshFactory } = require(${JSON.stringify(join(out, 'ssh/lazy'))});
      const loaded = () => Object.keys(require.cache).some((f) => f.includes('/node_modules/ssh2/'));
      const before = loaded();
      createTransport({ target: { kind: 'local' }, agentFile: ${JSON.stringify(agentFile)}, lang: 'fr' }, sshFactory);
      const afterLocal = loaded();
      createTransport({ target: { kind: 'ssh', host: '127.0.0.1', port: 9, user: 'x' }, agentFile: ${JSON.stringify(agentFile)}, lang: 'fr' }, sshFactory);
      process.stdout.write(JSON.stringify([before, afterLocal, loaded()]));`;
    assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['-e', script]).toString()), [false, false, true]);
  });
});
