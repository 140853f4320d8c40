import assert from 'node:assert/strict';
import type { RunRequest } from '../../schemas/generated/types';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { useSink } from '../../agent/src/protocol';
import { runAll } from '../../agent/src/runner';
import { fakeSystem, type FakeFacts } from '../helpers/fake-system';
import { createSystem } from '../../agent/src/system';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const regex = new RegexEngine();
after(() => regex.dispose());

type Line = {
  event: string;
  criterionId?: string;
  checkIndex?: number;
  property?: string;
  status?: string;
  reason?: { code: string; params?: Record<string, any> };
};

/** Runs a request on the real runner against a fake system; returns every protocol line it emitted, in order. */
async function run(criteria: RunRequest['criteria'], facts: FakeFacts, concurrency = 4): Promise<Line[]> {
  const lines: Line[] = [];
  useSink({
    write: (text) =>
      text
        .split('\n')
        .filter(Boolean)
        .forEach((l) => lines.push(JSON.parse(l))),
    exit: () => undefined,
  });
  await runAll({ event: 'run', protocol: 1, runId: 't', lang: 'en', concurrency, criteria }, '/', { system: fakeSystem(facts), regex });
  await new Promise((r) => setImmediate(r));
  return lines;
}

const sshd = { pid: 10, comm: 'sshd', args: ['sshd'], uid: 0 };
const running = (id: string, comm: string, extra: Record<string, unknown> = {}): any => ({ type: 'process', id, comm, ...extra });
/** `criterion/checkIndex property:status` of each result, in emission order. */
const results = (lines: Line[]): string[] => lines.filter((l) => l.event === 'result').map((l) => `${l.criterionId}/${l.checkIndex} ${l.property}:${l.status}`);

describe('run control: needs between checks and critères', () => {
  const cases: Array<[string, RunRequest['criteria'], string[]]> = [
    [
      'a passed prerequisite lets its dependent run',
      [{ id: 'x', checks: [running('a', 'sshd'), running('b', 'sshd', { needs: ['a'] })] }],
      ['x/0 running:pass', 'x/1 running:pass'],
    ],
    [
      'a failed prerequisite skips its dependent',
      [{ id: 'x', checks: [running('a', 'nginx'), running('b', 'sshd', { needs: ['a'] })] }],
      ['x/0 running:fail', 'x/1 needs:skip'],
    ],
    [
      'a skip propagates down a chain declared in reverse order',
      [{ id: 'x', checks: [running('c', 'sshd', { needs: ['b'] }), running('b', 'sshd', { needs: ['a'] }), running('a', 'nginx')] }],
      ['x/2 running:fail', 'x/1 needs:skip', 'x/0 needs:skip'],
    ],
    [
      'a check may need a check of another critère',
      [
        { id: 'x', checks: [running('b', 'sshd', { needs: ['a'] })] },
        { id: 'y', checks: [running('a', 'nginx')] },
      ],
      ['y/0 running:fail', 'x/0 needs:skip'],
    ],
    [
      'a critère needing a failed critère skips all its checks',
      [
        { id: 'y', needs: ['x'], checks: [running('c', 'sshd'), running('d', 'sshd')] },
        { id: 'x', checks: [running('a', 'sshd'), running('b', 'nginx')] },
      ],
      ['x/0 running:pass', 'x/1 running:fail', 'y/0 needs:skip', 'y/1 needs:skip'],
    ],
    [
      'a critère needing a passed critère runs',
      [
        { id: 'y', needs: ['x'], checks: [running('c', 'sshd')] },
        { id: 'x', checks: [running('a', 'sshd')] },
      ],
      ['x/0 running:pass', 'y/0 running:pass'],
    ],
    [
      'an unknown check id is an error on the dependent, the others run',
      [{ id: 'x', checks: [running('a', 'sshd', { needs: ['nope'] }), running('b', 'sshd')] }],
      ['x/0 needs:error', 'x/1 running:pass'],
    ],
    [
      'a cycle is an error on each check in it, never a hang',
      [{ id: 'x', checks: [running('a', 'sshd', { needs: ['b'] }), running('b', 'sshd', { needs: ['a'] }), running('c', 'sshd')] }],
      ['x/2 running:pass', 'x/0 needs:error', 'x/1 needs:error'],
    ],
  ];
  for (const width of [1, 4]) {
    for (const [name, criteria, expected] of cases) {
      it(`${name} (concurrency ${width})`, async () => {
        const lines = await run(criteria, { processes: [sshd] }, width);
        // With one worker the order is the plan's; with four, completion order, so compare as sets.
        if (width === 1) assert.deepEqual(results(lines), expected);
        else assert.deepEqual(results(lines).sort(), [...expected].sort());
      });
    }
  }

  it('a skip names the prerequisite as a nested reason', async () => {
    const lines = await run(
      [
        { id: 'y', needs: ['x'], checks: [running('c', 'sshd', { needs: ['a'] })] },
        { id: 'x', checks: [running('a', 'nginx')] },
      ],
      { processes: [sshd] },
    );
    const skip = lines.find((l) => l.property === 'needs')!;
    assert.deepEqual(skip.reason, { code: 'skipped', params: { why: { code: 'needs.criterionNotPassed', params: { criterion: 'x' } } } });
  });

  it('unknown ids and cycles carry their reasons', async () => {
    const lines = await run(
      [
        { id: 'x', needs: ['ghost'], checks: [running('a', 'sshd')] },
        { id: 'y', checks: [running('b', 'sshd', { needs: ['b'] })] },
      ],
      { processes: [sshd] },
    );
    const reasons = lines.filter((l) => l.property === 'needs').map((l) => l.reason);
    assert.deepEqual(reasons, [
      { code: 'needs.unknownCriterion', params: { id: 'ghost' } },
      { code: 'needs.cycle', params: { ids: 'b' } },
    ]);
  });

  it('every check still ends (checkEnd) whatever its prerequisites did', async () => {
    const lines = await run([{ id: 'x', checks: [running('a', 'nginx'), running('b', 'sshd', { needs: ['a'] }), running('c', 'sshd', { needs: ['zz'] })] }], {
      processes: [sshd],
    });
    assert.deepEqual(
      lines
        .filter((l) => l.event === 'checkEnd')
        .map((l) => l.checkIndex)
        .sort(),
      [0, 1, 2],
    );
  });
});

describe('run control: retry for state that converges', () => {
  /** A process list where sshd appears on the `nth` read. */
  const appearsOn = (nth: number): { facts: FakeFacts; reads: () => number } => {
    let reads = 0;
    return { facts: { processes: async () => (++reads >= nth ? [sshd] : []) }, reads: () => reads };
  };

  it('re-runs until the check passes and reports only the last attempt, with the count', async () => {
    const p = appearsOn(3);
    const lines = await run([{ id: 'x', checks: [running('a', 'sshd', { retry: { timeoutMs: 5000, intervalMs: 10 } })] }], p.facts);
    assert.deepEqual(results(lines), ['x/0 running:pass']);
    assert.equal(lines.find((l) => l.event === 'result')!.reason!.params!.attempts, 3);
    assert.equal(p.reads(), 3);
  });

  it('stops at the end of its window and reports the last failure', async () => {
    const p = appearsOn(1_000_000);
    const lines = await run([{ id: 'x', checks: [running('a', 'sshd', { retry: { timeoutMs: 200, intervalMs: 20 } })] }], p.facts);
    assert.deepEqual(results(lines), ['x/0 running:fail']);
    const attempts = lines.find((l) => l.event === 'result')!.reason!.params!.attempts;
    assert.ok(attempts >= 2 && attempts === p.reads(), `attempts ${attempts}, reads ${p.reads()}`);
  });

  it('a passing check runs once', async () => {
    const p = appearsOn(1);
    await run([{ id: 'x', checks: [running('a', 'sshd', { retry: { timeoutMs: 5000 } })] }], p.facts);
    assert.equal(p.reads(), 1);
  });

  it('a dependent waits for its prerequisite to converge', async () => {
    const p = appearsOn(2);
    const lines = await run(
      [{ id: 'x', checks: [running('b', 'sshd', { needs: ['a'] }), running('a', 'sshd', { retry: { timeoutMs: 5000, intervalMs: 10 } })] }],
      p.facts,
      1,
    );
    assert.deepEqual(results(lines), ['x/1 running:pass', 'x/0 running:pass']);
  });
});

describe('run control: a retried check looks at the machine again', () => {
  it('a user added while the check retries is seen, although the run reads /etc/passwd once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tssr-retry-'));
    const passwd = join(dir, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\n');
    const system = createSystem({ passwd });
    // The first look memoises the file, as every check of the run shares it.
    assert.equal((await system.passwd()).length, 1);
    setTimeout(() => appendFileSync(passwd, 'alice:x:1000:1000::/home/alice:/bin/bash\n'), 150);
    const lines: Line[] = [];
    useSink({
      write: (text) =>
        text
          .split('\n')
          .filter(Boolean)
          .forEach((l) => lines.push(JSON.parse(l))),
      exit: () => undefined,
    });
    const criteria = [{ id: 'compte', checks: [{ type: 'user', name: 'alice', retry: { timeoutMs: 5000, intervalMs: 50 } }] }] as RunRequest['criteria'];
    await runAll({ event: 'run', protocol: 1, runId: 't', lang: 'en', concurrency: 1, criteria }, '/', { system, regex });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(results(lines), ['compte/0 exists:pass']);
    // The run's own System still holds its first look: only the retried attempts read again.
    assert.equal((await system.passwd()).length, 1);
    rmSync(dir, { recursive: true, force: true });
  });
});
