import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exercise } from '../../schemas/generated/types';
import { LocalTransport } from '../../extension/src/core/local-transport';
import { runExercise } from '../../extension/src/core/run';
import { RUN_DEADLINE_CAP_MS, RUN_DEADLINE_MARGIN_MS, runDeadlineMs } from '../../extension/src/core/run-deadline';

const check = (timeoutMs?: number) => ({
  type: 'command' as const,
  exec: ['true'] as [string, ...string[]],
  exitStatus: 0,
  ...(timeoutMs ? { timeoutMs } : {}),
});

describe('client run deadline', () => {
  it("bounds the run by the checks' timeouts, shared by the concurrency, plus a margin, capped", () => {
    const cases: Array<[string, Parameters<typeof runDeadlineMs>[0], number]> = [
      ['one check, agent default 30 s', { criteria: [{ id: 'a', checks: [check()] }] }, 30_000 + 30_000 + RUN_DEADLINE_MARGIN_MS],
      [
        'four 10 s checks, 2 at a time',
        { concurrency: 2, criteria: [{ id: 'a', checks: [check(10_000), check(10_000), check(10_000), check(10_000)] }] },
        20_000 + 10_000 + RUN_DEADLINE_MARGIN_MS,
      ],
      ['request default applies', { defaultTimeoutMs: 1000, criteria: [{ id: 'a', checks: [check(), check()] }] }, 1000 + 1000 + RUN_DEADLINE_MARGIN_MS],
      ['capped', { concurrency: 1, criteria: [{ id: 'a', checks: Array.from({ length: 200 }, () => check(600_000)) }] }, RUN_DEADLINE_CAP_MS],
    ];
    for (const [name, req, want] of cases) assert.equal(runDeadlineMs(req), want, name);
  });

  it('ends a run whose agent never ends, even one that ignores SIGTERM, as interrupted with the results kept', async function () {
    this.timeout(20_000);
    const dir = mkdtempSync(join(tmpdir(), 'tssr-deadline-'));
    const pidFile = join(dir, 'pid');
    // A stuck agent: says hello, sends one result, then neither ends nor dies on SIGTERM.
    const agent = join(dir, 'stuck-agent.js');
    writeFileSync(
      agent,
      `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
process.on('SIGTERM', () => {});
const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
out({ event: 'hello', protocol: '1.0', agentVersion: 't', node: process.version, platform: 'linux-x64', checkTypes: ['command'] });
out({ event: 'result', criterionId: 'vite', checkIndex: 0, checkType: 'command', durationMs: 1, property: 'exitStatus', status: 'pass', expected: 0, actual: 0, message: 'ok' });
out({ event: 'checkEnd', criterionId: 'vite', checkIndex: 0, durationMs: 1 });
setInterval(() => {}, 1000);
`,
    );
    const exercise: Exercise = {
      id: 'bloque',
      title: 'Bloqué',
      competences: ['CP9'],
      solution: { apply: 'x.sh' },
      criteria: [
        { id: 'vite', title: 'vite', referentiel: 'CP9.1', points: 1, hint: 'h', checks: [check()] },
        { id: 'jamais', title: 'jamais', referentiel: 'CP9.1', points: 1, hint: 'h', checks: [check()] },
      ],
    };
    try {
      const started = Date.now();
      const report = await runExercise({ transport: new LocalTransport(agent), exercise, exerciseDir: dir, lang: 'fr', deadlineMs: 1500 });
      assert.ok(Date.now() - started < 6000);
      assert.equal(report.outcome, 'interrupted');
      assert.match(report.error ?? '', /aucune fin de l’agent après 2 s .*conservés/);
      assert.deepEqual(
        report.criteria.map((c) => c.status),
        ['passed', 'error'],
      );
    } finally {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
