import assert from 'node:assert/strict';
import type { RunRequest } from '../../schemas/generated/types';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { useSink } from '../../agent/src/protocol';
import { runAll } from '../../agent/src/runner';
import { fakeSystem } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

type Line = { event: string; criterionId?: string; checkIndex?: number; property?: string; status?: string };

/** Runs a request on the real runner (real commands, a fake system for the facts); returns the result lines. */
async function results(criteria: RunRequest['criteria'], concurrency: number): Promise<string[]> {
  const lines: Line[] = [];
  useSink({
    write: (text) =>
      text
        .split('\n')
        .filter(Boolean)
        .forEach((l) => lines.push(JSON.parse(l))),
    exit: () => undefined,
  });
  await runAll({ event: 'run', protocol: 1, runId: 't', lang: 'en', concurrency, criteria }, '/', {
    system: fakeSystem({ processes: [{ pid: 10, comm: 'sshd', args: ['sshd'], uid: 0 }] }),
    regex,
  });
  await new Promise((r) => setImmediate(r));
  return lines.filter((l) => l.event === 'result').map((l) => `${l.criterionId}/${l.checkIndex} ${l.property}:${l.status}`);
}

const proc = (extra: Record<string, unknown> = {}): any => ({ type: 'process', comm: 'sshd', ...extra });
// A command that takes a little while: the fact checks after it finish first unless the run is serial.
const slow = (extra: Record<string, unknown> = {}): any => ({ type: 'command', exec: ['sleep', '0.05'], exitStatus: 0, ...extra });

// Commands and other checks that wait on the outside start before the fact checks; prerequisites and the bound hold.
describe('agent job dispatch: waits first, facts alongside', () => {
  it('with one worker, checks run in the request order', async () => {
    assert.deepEqual(await results([{ id: 'x', checks: [proc(), slow(), proc()] }], 1), ['x/0 running:pass', 'x/1 exitStatus:pass', 'x/2 running:pass']);
  });

  for (const width of [2, 4]) {
    it(`a command needing a fact check waits for it, and a fact check needing a command too (concurrency ${width})`, async () => {
      const got = await results(
        [
          {
            id: 'x',
            checks: [proc({ id: 'p' }), slow({ id: 'c', needs: ['p'] }), proc({ needs: ['c'] }), slow({ needs: ['nope-fails'] }), slow()],
          },
          { id: 'y', checks: [proc({ id: 'nope-fails', comm: 'nginx' })] },
        ],
        width,
      );
      assert.deepEqual(
        [...got].sort(),
        ['x/0 running:pass', 'x/1 exitStatus:pass', 'x/2 running:pass', 'x/3 needs:skip', 'x/4 exitStatus:pass', 'y/0 running:fail'].sort(),
      );
      // Order of completion: the prerequisite before its dependents, whatever started first.
      assert.ok(got.indexOf('x/0 running:pass') < got.indexOf('x/1 exitStatus:pass'));
      assert.ok(got.indexOf('x/1 exitStatus:pass') < got.indexOf('x/2 running:pass'));
    });
  }

  it('more commands than workers all run, never deadlocked behind fact checks that need them', async () => {
    const checks = [...Array.from({ length: 5 }, (_, i) => slow({ id: `c${i}` })), ...Array.from({ length: 5 }, (_, i) => proc({ needs: [`c${i}`] }))];
    const got = await results([{ id: 'x', checks }], 2);
    assert.equal(got.length, 10);
    assert.ok(got.every((r) => r.endsWith(':pass')));
  });
});
