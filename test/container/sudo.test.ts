import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TransportError } from '../../extension/src/core/errors';
import { runExercise } from '../../extension/src/core/run';
import { SshTransport } from '../../extension/src/ssh/ssh-transport';
import type { Exercise } from '../../schemas/generated/types';
import { labImage, labUnavailable, type Container, Lab } from '../helpers/container';
import { AGENT } from '../helpers/paths';

/** Checks that tell root from a learner: who the agent runs as, under whom, and a script run as another user. */
const exercise: Exercise = {
  id: 'sudo-demo',
  title: 'Sudo',
  competences: ['CP9'],
  solution: { apply: 'x.sh' },
  criteria: [
    {
      id: 'root',
      title: 'Root',
      referentiel: 'CP9.1',
      points: 1,
      hint: 'h',
      checks: [{ type: 'command', exec: ['sh', '-c', 'cat /proc/$(ps -o ppid= -p $PPID | tr -d " ")/comm; id -u'], stdout: ['sudo', { matches: '^0$' }] }],
    },
    {
      id: 'runas',
      title: 'RunAs',
      referentiel: 'CP9.1',
      points: 1,
      hint: 'h',
      checks: [{ type: 'script', script: '/usr/local/bin/whoami.sh', runAs: 'nobody', stdout: { equals: 'nobody' } }],
    },
  ],
};

describe('container: --sudo over SSH as a learner account', function () {
  this.timeout(10 * 60_000);
  let lab: Lab | undefined;
  let c: Container;
  let endpoint: Awaited<ReturnType<Container['sshEndpoint']>>;
  const agentSource = readFileSync(AGENT, 'utf8');
  const transport = (sudo: boolean): SshTransport =>
    new SshTransport({
      host: '127.0.0.1',
      port: endpoint.port,
      user: 'eleve',
      identityFile: endpoint.identityFile,
      knownHostsFile: endpoint.knownHosts,
      agentSource,
      sudo,
    });

  before(async function () {
    const why = labUnavailable();
    if (why) this.skip();
    const image = await labImage();
    lab = await Lab.up(image.root);
    [c] = await lab.boot('sudo');
    // A learner account reachable with the lab key, and a script on the target; the container is thrown away after.
    const setup = await c.run([
      'sh',
      '-c',
      [
        'useradd -m -s /bin/bash eleve',
        'mkdir -p ~eleve/.ssh',
        'cp /root/.ssh/authorized_keys2 ~eleve/.ssh/authorized_keys',
        'chown -R eleve: ~eleve/.ssh',
        'printf "#!/bin/sh\\nid -un\\n" > /usr/local/bin/whoami.sh',
        'chmod 755 /usr/local/bin/whoami.sh',
      ].join(' && '),
    ]);
    assert.equal(setup.code, 0, setup.stderr);
    endpoint = await c.sshEndpoint();
  });
  after(async () => {
    await c?.stop();
    await lab?.down();
  });

  it('without --sudo, a check that needs root is an error saying so, not a fail', async () => {
    const t = transport(false);
    const report = await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr', only: ['runas'] });
    await t.dispose();
    const [r] = report.criteria.find((x) => x.id === 'runas')!.results;
    assert.deepEqual([r.property, r.status, r.reason?.code], ['script', 'error', 'script.needsRoot']);
    assert.match(r.message ?? '', /relancez avec --sudo/);
  });

  it('--sudo without a sudoers rule: a transport error giving the exact NOPASSWD rule', async () => {
    const t = transport(true);
    await assert.rejects(runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'en' }), (e: TransportError) => {
      assert.equal(e.code, 'SUDO_REFUSED', e.message);
      assert.match(e.message, /sudo: .*password/);
      assert.match(e.message, /eleve ALL=\(root\) NOPASSWD: \/usr\/bin\/node \/home\/eleve\/\.cache\/tssr-lab\/agent-\*\.js serve/);
      return true;
    });
    await t.dispose();
  });

  it('with the rule the error gives, --sudo runs the agent as root under sudo, and runAs works', async () => {
    const rule = 'eleve ALL=(root) NOPASSWD: /usr/bin/node /home/eleve/.cache/tssr-lab/agent-*.js serve\n';
    const added = await c.run(['sh', '-c', 'cat > /etc/sudoers.d/tssr-lab && chmod 440 /etc/sudoers.d/tssr-lab && visudo -c'], rule);
    assert.equal(added.code, 0, added.stdout + added.stderr);
    const t = transport(true);
    const report = await runExercise({ transport: t, exercise, exerciseDir: '/tmp', lang: 'fr' });
    await t.dispose();
    assert.deepEqual(
      report.criteria.map((x) => [x.id, x.status]),
      [
        ['root', 'passed'],
        ['runas', 'passed'],
      ],
      JSON.stringify(report.criteria.map((x) => x.results)),
    );
  });
});
