import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExercise } from '../../extension/src/core/pack';
import { assemble } from '../../extension/src/core/grade/assemble';
import { evaluate, type HostProgress } from '../../extension/src/core/grade/evaluate';
import type { Candidate } from '../../extension/src/core/grade/inventory';
import { RunFolder, stillToGrade } from '../../extension/src/core/grade/run-folder';
import { signEvaluation, verifyEvaluation } from '../../extension/src/core/grade/sign';
import { validate } from '../../extension/src/core/schemas';
import { SshTransport } from '../../extension/src/ssh/ssh-transport';
import { AGENT } from '../helpers/paths';
import { freePort, startSshd, type Sshd } from '../helpers/sshd';
import { writeExercise } from './fault-exercises';

describe('grade engine: a room over real sshd, journaled, resumable, signed', function () {
  this.timeout(120_000);
  let sshd: Sshd;
  let work: string;
  const agentSource = readFileSync(AGENT, 'utf8');

  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'tssr-grade-'));
    writeExercise(work);
  });
  after(() => {
    sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const candidate = (id: string, port: number): Candidate => ({
    id,
    name: `Candidat ${id}`,
    host: '127.0.0.1',
    port,
    user: 'root',
    key: sshd.clientKey,
    jump: [],
    vars: {},
  });

  it('grades every host once, journals each event, and folds a schema-valid, signed evaluation', async () => {
    const closed = await freePort();
    const room = [
      candidate('c01', sshd.port),
      candidate('c02', sshd.port),
      candidate('c03', sshd.port),
      candidate('absent', closed),
      candidate('c01', sshd.port),
    ];
    const loaded = loadExercise(join(work, 'quick'));
    assert.ok(loaded.data);
    const exercises = [{ exercise: loaded.data, dir: join(work, 'quick') }];
    const folder = RunFolder.create(join(work, 'run-1'), { id: 'run-1', startedAt: new Date().toISOString(), exercises, candidates: room.slice(0, 4) });
    const states: HostProgress[] = [];
    const connects: string[] = [];
    await evaluate({
      candidates: room,
      exercises,
      lang: 'fr',
      concurrency: 3,
      folder,
      onProgress: (p) => states.push(p),
      connect: (c) => {
        connects.push(c.id);
        return new SshTransport({ host: c.host, port: c.port, user: c.user, identityFile: c.key, knownHostsFile: sshd.knownHosts, agentSource, lang: 'fr' });
      },
    });
    // c01 is listed twice in the inventory: graded once.
    assert.deepEqual(connects.sort(), ['absent', 'c01', 'c02', 'c03']);
    const final = new Map(states.map((s) => [s.candidate.id, s]));
    assert.equal(final.get('c02')?.state, 'done');
    assert.equal(final.get('c02')?.checksDone, 1);
    assert.equal(final.get('absent')?.state, 'unreachable');
    assert.match(final.get('absent')?.error?.message ?? '', /refus|refused/i);

    const report = assemble(folder, 'fr');
    assert.deepEqual(validate('evaluation.schema.json', report), []);
    assert.deepEqual(
      report.hosts.map((h) => `${h.candidate.id}:${h.status}:${h.totals?.earned ?? '-'}`),
      ['c01:done:1', 'c02:done:1', 'c03:done:1', 'absent:unreachable:0'],
    );
    // The evidence of each verdict is in the report: the check's result with what was found.
    assert.equal(report.hosts[0].runs[0].criteria[0].results[0].status, 'pass');

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signed = signEvaluation(report, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    assert.equal(verifyEvaluation(signed, publicKey.export({ type: 'spki', format: 'pem' })).ok, true);

    // Resuming grades nothing finished; retrying failed takes only the unreachable host.
    assert.deepEqual(stillToGrade(folder, room.slice(0, 4), false), []);
    assert.deepEqual(
      stillToGrade(folder, room.slice(0, 4), true).map((c) => c.id),
      ['absent'],
    );
  });

  it('an aborted run keeps every result received, and the cut-off host is graded again on resume', async () => {
    const loaded = loadExercise(join(work, 'midrun'));
    assert.ok(loaded.data);
    const exercises = [{ exercise: loaded.data, dir: join(work, 'midrun') }];
    const room = [candidate('c01', sshd.port), candidate('c02', sshd.port)];
    const folder = RunFolder.create(join(work, 'run-2'), { id: 'run-2', startedAt: new Date().toISOString(), exercises, candidates: room });
    const stop = new AbortController();
    let passes = 0;
    await evaluate({
      candidates: room,
      exercises,
      lang: 'fr',
      concurrency: 2,
      folder,
      signal: stop.signal,
      onProgress: (p) => {
        // Both quick critères have passed (the slow one sleeps 25 s): the evaluator presses Ctrl-C.
        if (p.checksDone === 1 && ++passes === 2) stop.abort();
      },
      connect: (c) =>
        new SshTransport({ host: c.host, port: c.port, user: c.user, identityFile: c.key, knownHostsFile: sshd.knownHosts, agentSource, lang: 'fr' }),
    });
    const report = assemble(folder, 'fr');
    assert.deepEqual(validate('evaluation.schema.json', report), []);
    for (const h of report.hosts) {
      assert.equal(h.status, 'interrupted', JSON.stringify(h));
      const quick = h.runs[0].criteria.find((c) => c.id === 'rapide');
      assert.equal(quick?.status, 'passed', 'the result received before Ctrl-C is kept');
    }
    assert.deepEqual(
      stillToGrade(folder, room, false).map((c) => c.id),
      ['c01', 'c02'],
    );
  });
});
