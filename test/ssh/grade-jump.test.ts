import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evaluation } from '../../schemas/generated/types';
import { CLI } from '../helpers/paths';
import { startSshdIn } from '../helpers/sshd-netns';
import type { Sshd } from '../helpers/sshd';
import { writeExercise } from './fault-exercises';

/**
 * ProxyJump: the evaluator's namespace reaches only the jump host; the candidate's VM sits behind it, in a network the
 * evaluator has no route to. Three namespaces of our own, a blackhole route for their ranges in the root namespace.
 */
describe('grade through a jump host (ProxyJump over ssh2 forwardOut)', function () {
  this.timeout(120_000);
  const tag = `${process.pid % 10000}`;
  const [client, jump, vm] = ['c', 'j', 'v'].map((n) => `tssr-pj${n}-${tag}`);
  const cleanups: Array<() => void> = [];
  let jumpSshd: Sshd;
  let vmSshd: Sshd;
  let work: string;

  before(async function () {
    if (process.getuid?.() !== 0) this.skip();
    const ip = (...a: string[]): void => {
      execFileSync('ip', a);
    };
    for (const net of ['10.213.78.0/24', '10.213.79.0/24']) {
      ip('route', 'replace', 'blackhole', net);
      cleanups.push(() => ip('route', 'del', 'blackhole', net));
    }
    for (const ns of [client, jump, vm]) {
      ip('netns', 'add', ns);
      cleanups.push(() => ip('netns', 'delete', ns));
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
    ip('-n', client, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'to-c', 'netns', jump);
    ip('-n', jump, 'link', 'add', 'to-v', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', vm);
    for (const [ns, dev, addr] of [
      [client, 'eth0', '10.213.79.2/24'],
      [jump, 'to-c', '10.213.79.1/24'],
      [jump, 'to-v', '10.213.78.1/24'],
      [vm, 'eth0', '10.213.78.2/24'],
    ]) {
      ip('-n', ns, 'addr', 'add', addr, 'dev', dev);
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
    jumpSshd = await startSshdIn(jump, '10.213.79.1');
    cleanups.push(() => jumpSshd.stop());
    vmSshd = await startSshdIn(vm, '10.213.78.2');
    cleanups.push(() => vmSshd.stop());
    work = mkdtempSync(join(tmpdir(), 'tssr-jump-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    writeExercise(work);
    // One known_hosts for both hosts, as an evaluator keeps; both are verified.
    appendFileSync(jumpSshd.knownHosts, readFileSync(vmSshd.knownHosts));
    // The VM accepts the jump host's client key too.
    appendFileSync(join(vmSshd.dir, 'authorized_keys'), readFileSync(`${jumpSshd.clientKey}.pub`));
  });
  after(() => {
    for (const c of cleanups.reverse()) {
      try {
        c();
      } catch {
        /* best effort */
      }
    }
  });

  const grade = (roster: string, out: string): Promise<{ code: number | null; out: string; ev: Evaluation }> =>
    new Promise((resolve) => {
      const file = join(work, `${out}.yaml`);
      writeFileSync(file, roster);
      const args = [CLI, 'grade', join(work, 'quick'), '--inventory', file, '--out', join(work, out), '--known-hosts', jumpSshd.knownHosts];
      const child = spawn('ip', ['netns', 'exec', client, process.execPath, ...args], {
        env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: 'fr', HOME: work },
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('close', (code) => resolve({ code, out: text, ev: JSON.parse(readFileSync(join(work, out, 'evaluation.json'), 'utf8')) as Evaluation }));
    });

  it('the VM is out of reach directly, and graded through the jump host', async () => {
    const entry = (jumpSpec: string): string =>
      `candidates:\n  - { id: c01, name: Alice Martin, host: 10.213.78.2, port: ${vmSshd.port}, user: root, key: ${jumpSshd.clientKey}${jumpSpec} }\n`;
    const direct = await grade(entry(''), 'direct');
    assert.equal(direct.ev.hosts[0].status, 'unreachable', direct.out);
    const through = await grade(entry(`, jump: "root@10.213.79.1:${jumpSshd.port}"`), 'rebond');
    assert.equal(through.code, 0, through.out);
    assert.equal(through.ev.hosts[0].status, 'done');
    assert.equal(through.ev.hosts[0].runs[0].criteria[0].status, 'passed');
  });

  it('a jump to a port where nothing listens names the jump host and what to check', async () => {
    const r = await grade(
      `candidates:\n  - { id: c01, name: Alice Martin, host: 10.213.78.2, port: 1, user: root, key: ${jumpSshd.clientKey}, jump: "root@10.213.79.1:${jumpSshd.port}" }\n`,
      'ferme',
    );
    assert.equal(r.ev.hosts[0].status, 'error', r.out);
    assert.match(r.ev.hosts[0].error?.message ?? '', /Le rebond ssh:\/\/root@10\.213\.79\.1:\d+ n’a pas pu joindre ssh:\/\/root@10\.213\.78\.2:1/);
  });
});
