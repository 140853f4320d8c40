import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exercise } from '../../schemas/generated/types';
import type { RunReport } from '../../schemas/generated/types';
import { LocalTransport } from '../../extension/src/core/local-transport';
import { loadExercise } from '../../extension/src/core/pack';
import { runExercise } from '../../extension/src/core/run';
import type { Transport } from '../../extension/src/core/transport';
import { WorkerTransport } from '../../extension/src/core/worker-transport';
import { request, results, runAgent } from '../helpers/agent';
import { AGENT, CLI, FIXTURES, PACK } from '../helpers/paths';
import { workspacesOf } from './spawn-agent';

/** Runs one request line through a transport; returns its lines and exit. */
async function transcript(transport: Transport, line: string, signal?: AbortSignal) {
  let out = '';
  const exit = await transport.runAgent(
    line,
    (chunk) => {
      out += chunk;
    },
    signal,
  );
  const lines = out.split('\n').filter(Boolean);
  return { exit, lines, events: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A report without what differs from run to run (durations, the archive's time stamp), results in a stable order. */
function comparable(r: RunReport): unknown {
  const stable = {
    outcome: r.outcome,
    totals: r.totals,
    criteria: r.criteria.map((c) => ({
      ...c,
      results: c.results.map(({ durationMs: _d, ...rest }) => rest).sort((a, b) => a.checkIndex - b.checkIndex || a.property.localeCompare(b.property)),
    })),
  };
  return JSON.parse(JSON.stringify(stable).replace(/\d{8}-\d{6}/g, 'YYYYMMDD-HHMMSS'));
}

const until = async (ok: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(ok(), what);
};

/** Alive and not a zombie (a killed child of a terminated worker waits for no one to reap it). */
const running = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const fake = (name: string) => join(FIXTURES, 'worker-agents', `${name}.js`);
const criterion = (id: string): Exercise['criteria'][number] => ({
  id,
  title: id,
  referentiel: 'CP9.1',
  points: 1,
  hint: 'h',
  checks: [{ type: 'command', exec: ['true'], exitStatus: 0 }],
});
const twoCriteria: Exercise = {
  id: 'fausse',
  title: 'Faux agent',
  competences: ['CP9'],
  solution: { apply: 'x.sh' },
  criteria: [criterion('vite'), criterion('jamais')],
};

describe('worker transport (the agent bundle in a worker thread of the client)', function () {
  this.timeout(60_000);

  for (const useSolution of [false, true]) {
    it(`gives the same report as the agent process on script-sauvegarde${useSolution ? ' --solution' : ''}`, async () => {
      const ex = loadExercise(join(PACK, 'script-sauvegarde'), 'fr');
      const run = (transport: Transport) => runExercise({ transport, exercise: ex.data!, exerciseDir: ex.dir, lang: 'fr', useSolution });
      const [inProcess, child] = [await run(new WorkerTransport(AGENT)), await run(new LocalTransport(AGENT))];
      assert.equal(inProcess.outcome, 'complete');
      assert.deepEqual(comparable(inProcess), comparable(child));
      assert.equal(
        inProcess.criteria.every((c) => c.status === 'passed'),
        useSolution,
      );
    });
  }

  const goldens: Array<[string, string]> = [
    ['a file check', request([{ type: 'file', path: '/etc/passwd', filetype: 'file', owner: 'root' }])],
    ['a command check', request([{ type: 'command', exec: ['echo', 'tssr'], exitStatus: 0, stdout: ['tssr', { matches: '^t.s+r$' }] }])],
    ['an unknown check type', request([{ type: 'service', name: 'ssh' }])],
    ['a workspace path that escapes', request([], { workspace: [{ path: '../evil', contentBase64: '' }] })],
    ['not JSON', 'garbage{\n'],
    ['another protocol major', '{"event":"run","protocol":2,"runId":"x","criteria":[]}\n'],
    ['no request', ''],
  ];
  for (const [name, line] of goldens) {
    it(`golden transcript, ${name}: the same lines and exit code as the agent process`, async () => {
      const strip = (events: Record<string, unknown>[]) => events.map(({ durationMs: _d, ...e }) => e);
      const [worker, child] = [await transcript(new WorkerTransport(AGENT), line), await runAgent(line)];
      results({ ...worker, code: worker.exit.code, stderr: '' });
      results(child);
      assert.deepEqual(strip(worker.events), strip(child.events));
      assert.equal(worker.exit.code, child.code);
    });
  }

  it('streams valid protocol lines, ends with code 0, and removes its workspace (named after this process)', async () => {
    const t = await transcript(
      new WorkerTransport(AGENT),
      request([{ type: 'command', exec: ['pwd'], exitStatus: 0, stdout: [{ matches: `/tssr-lab-ws-${process.pid}-n\\d+-` }] }]),
    );
    assert.equal(t.exit.code, 0, t.exit.stderrTail);
    assert.deepEqual(
      results({ ...t, code: 0, stderr: '' }).map((r) => r.status),
      ['pass', 'pass'],
    );
    assert.deepEqual(
      t.events.map((e) => e.event),
      ['hello', 'result', 'result', 'checkEnd', 'summary'],
    );
    assert.deepEqual(workspacesOf(process.pid), []);
  });

  it('a fatal ends the worker with code 2, without exiting this process, and leaves no folder', async () => {
    const t = await transcript(
      new WorkerTransport(AGENT),
      request([], {
        workspace: [
          { path: 'a', contentBase64: 'eA==' },
          { path: 'a', contentBase64: 'eA==' },
        ],
      }),
    );
    assert.equal(t.exit.code, 2);
    assert.equal(t.events.at(-1)!.code, 'BAD_WORKSPACE');
    assert.deepEqual(workspacesOf(process.pid), []);
  });

  it('abort stops the worker mid-check as SIGTERM stops the process: command killed, workspace removed, INTERRUPTED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-worker-'));
    const pidFile = join(dir, 'pid');
    try {
      const ctl = new AbortController();
      const done = transcript(
        new WorkerTransport(AGENT),
        request([{ type: 'command', exec: ['sh', '-c', `echo $$ > ${pidFile}; exec sleep 30`] }]),
        ctl.signal,
      );
      await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), 'the command started');
      const [folder] = workspacesOf(process.pid);
      assert.ok(folder, 'the workspace exists mid-run');
      ctl.abort();
      const t = await done;
      assert.equal(t.exit.code, 143);
      results({ ...t, code: 143, stderr: '' });
      assert.deepEqual([t.events[0].event, t.events.at(-1)!.code], ['hello', 'INTERRUPTED']);
      assert.deepEqual(workspacesOf(process.pid), []);
      const pid = Number(readFileSync(pidFile, 'utf8'));
      // SIGKILL is sent before the run resolves; the kernel ends the process a moment later.
      await until(() => !running(pid), `the sleep (pid ${pid}) was killed`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('abort ends a worker stuck in a busy loop (terminated after the stop grace); the transport removes its folder and kills its command', async () => {
    const ctl = new AbortController();
    let first = '';
    const exit = await new WorkerTransport(fake('busy-loop')).runAgent(
      request([]),
      (chunk) => {
        first ||= chunk;
        ctl.abort();
      },
      ctl.signal,
    );
    assert.equal(exit.code, null);
    assert.match(first, /"event":"hello"/);
    assert.deepEqual(workspacesOf(process.pid), []);
    const sleeps = spawnSync('pgrep', ['-P', String(process.pid), '-x', 'sleep'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    for (const pid of sleeps) await until(() => !running(pid), `the sleep (pid ${pid}) was killed`);
  });

  it('the run deadline ends a stuck worker: interrupted, results kept', async () => {
    const report = await runExercise({
      transport: new WorkerTransport(fake('busy-loop')),
      exercise: twoCriteria,
      exerciseDir: tmpdir(),
      lang: 'fr',
      deadlineMs: 1500,
    });
    assert.equal(report.outcome, 'interrupted');
    assert.match(report.error ?? '', /aucune fin de l’agent après 2 s .*conservés/);
    assert.deepEqual(
      report.criteria.map((c) => c.status),
      ['passed', 'error'],
    );
  });

  for (const [name, cause, heapMb] of [
    ['out-of-memory', /ERR_WORKER_OUT_OF_MEMORY/, 16],
    ['throws', /fake agent crashed/, undefined],
  ] as const) {
    it(`a worker that dies (${name}) becomes an interrupted run with results kept, and this process lives on`, async () => {
      const report = await runExercise({ transport: new WorkerTransport(fake(name), { heapMb }), exercise: twoCriteria, exerciseDir: tmpdir(), lang: 'fr' });
      assert.equal(report.outcome, 'interrupted');
      assert.match(report.error ?? '', cause);
      assert.match(report.error ?? '', /conservés/);
      assert.deepEqual(
        report.criteria.map((c) => c.status),
        ['passed', 'error'],
      );
    });
  }

  it("a missing agent is a TransportError, not a hang, in the run's language (worker and process)", async () => {
    const missing = join(tmpdir(), 'no-such-agent.js');
    for (const transport of [new WorkerTransport(missing), new LocalTransport(missing)]) {
      await assert.rejects(
        transport.runAgent(request([]), () => undefined),
        { code: 'AGENT_MISSING', message: /^Agent introuvable : \S+no-such-agent\.js\. Construisez-le avec « npm run build »/ },
      );
      await assert.rejects(
        transport.runAgent(request([]), () => undefined, undefined, 'en'),
        { code: 'AGENT_MISSING', message: /^Agent not found: \S+no-such-agent\.js\. Build it with "npm run build"/ },
      );
    }
  });

  it('a check that matched a regex in the worker leaves a code cache the next run uses; YAML parse results are kept beside it', () => {
    const cache = mkdtempSync(join(tmpdir(), 'tssr-cache-'));
    try {
      // The header critère matches its file against a regex: the agent's worker sets V8's regex flags in the CLI process.
      const run = () =>
        spawnSync(process.execPath, [CLI, 'check', join(PACK, 'script-sauvegarde'), '--solution', '--only', 'en-tete', '--format', 'json'], {
          encoding: 'utf8',
          env: { ...process.env, TSSR_LAB_TIMINGS: '1', XDG_CACHE_HOME: cache },
        });
      const first = run();
      // The agent's worker compiles the agent bundle through a code cache of its own, written once after a miss.
      const agentCache = () => readdirSync(join(cache, 'tssr-lab')).filter((f) => /^agent-worker-[0-9a-f]{8}\.v8$/.test(f));
      assert.equal(agentCache().length, 1, 'the agent worker kept a code cache');
      const written = statSync(join(cache, 'tssr-lab', agentCache()[0])).mtimeMs;
      const second = run();
      assert.match(first.stderr, /codeCache=miss/);
      assert.match(second.stderr, /codeCache=hit/);
      // V8 accepted it: a refused cache (other flags, other source) is written again.
      assert.equal(statSync(join(cache, 'tssr-lab', agentCache()[0])).mtimeMs, written);
      assert.ok(
        readdirSync(join(cache, 'tssr-lab')).some((f) => /^yaml-\w+\.json$/.test(f)),
        'the parse results were kept',
      );
      const verdict = (r: typeof first) => (JSON.parse(r.stdout) as RunReport).criteria.map((c) => [c.id, c.status, c.results.map((x) => x.status)]);
      assert.deepEqual(verdict(second), verdict(first));
      assert.deepEqual(verdict(second).find(([id]) => id === 'en-tete')?.[1], 'passed', second.stdout);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('the CLI runs the agent as a child process with TSSR_LAB_AGENT_PROCESS=1, with the same verdict', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', join(PACK, 'script-sauvegarde'), '--solution', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, TSSR_LAB_AGENT_PROCESS: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as RunReport).outcome, 'complete');
  });
});
