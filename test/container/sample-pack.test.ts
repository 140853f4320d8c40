import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../schemas/generated/types';
import { loadPack } from '../../extension/src/core/pack';
import { runExercise } from '../../extension/src/core/run';
import { SshTransport } from '../../extension/src/ssh/ssh-transport';
import { labImage, labUnavailable, type Container, Lab } from '../helpers/container';
import { AGENT, PACK } from '../helpers/paths';

const notPassed = (r: RunReport): string[] => r.criteria.filter((c) => c.status !== 'passed').map((c) => c.id);
const secs = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * The sample pack's root exercises on real containers, over SSH with the project's transport: a fresh container
 * fails, the reference `solution.apply` run over SSH fixes it, the same SSH session then passes every critère.
 * One session for both runs, as a learner keeps their shell open while hardening sshd: after ssh-durcissement,
 * a new root login is refused.
 */
describe('container: the sample pack’s root exercises fail fresh and pass once solved', function () {
  this.timeout(15 * 60_000);
  const exercises = loadPack(PACK).exercises.filter((e) => e.data?.solution.apply);
  let lab: Lab | undefined;
  let boxes: Container[] = [];

  before(async function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
    const image = await labImage();
    console.log(`      image: ${image.built ? `built in ${image.seconds.toFixed(0)} s` : 'cached'}`);
    lab = await Lab.up(image.root);
    boxes = await lab.boot(...exercises.map((_, i) => `ex${i}`));
    console.log(`      ${boxes.length} containers booted at once: ${Math.max(...boxes.map((b) => b.bootSeconds)).toFixed(1)} s`);
  });
  after(async () => { await lab?.down(); });

  it('the pack has root exercises to prove', () => {
    assert.deepEqual(exercises.map((e) => e.data!.id).sort(), ['rsyslog-reception', 'ssh-durcissement']);
  });

  exercises.forEach((ex, i) => {
    const id = ex.data!.id;
    it(id, async () => {
      const box = boxes[i];
      const ep = await box.sshEndpoint();
      const transport = new SshTransport({
        host: '127.0.0.1', port: ep.port, user: 'root', identityFile: ep.identityFile, knownHostsFile: ep.knownHosts,
        agentSource: readFileSync(AGENT, 'utf8'),
      });
      const check = () => runExercise({ transport, exercise: ex.data!, exerciseDir: ex.dir, lang: 'en' });
      try {
        let t = Date.now();
        const fresh = await check();
        const tFresh = secs(t);
        assert.equal(fresh.outcome, 'complete', fresh.error);
        assert.ok(notPassed(fresh).length > 0, 'a fresh container already passes every critère');

        t = Date.now();
        const apply = await box.ssh('bash -s', readFileSync(join(ex.dir, ex.data!.solution.apply!), 'utf8'));
        const tApply = secs(t);
        assert.equal(apply.code, 0, `apply failed: ${apply.stderr}`);

        t = Date.now();
        const solved = await check();
        console.log(`      ${id}: fresh check ${tFresh} (failing: ${notPassed(fresh).join(', ')}), apply ${tApply}, solved check ${secs(t)}`);
        assert.deepEqual(notPassed(solved), [], JSON.stringify(solved.criteria.filter((c) => c.status !== 'passed'), null, 1));
      } finally {
        await transport.dispose();
      }
      if (id === 'ssh-durcissement') {
        const again = await box.ssh('true');
        assert.equal(again.code, 255, 'a new root login over SSH still succeeds after hardening');
        assert.match(again.stderr, /Permission denied/);
      }
    });
  });
});
