import assert from 'node:assert/strict';
import type { Exercise } from '../../schemas/generated/types';
import { runOutput, runReporters } from '../../extension/src/core/report/run';
import { Session } from '../../extension/src/core/session';

const exercise: Exercise = {
  id: 'e',
  title: 'E',
  competences: ['CP9'],
  solution: { apply: 's' },
  criteria: [
    { id: 'a', title: 'A', referentiel: 'CP9.1', points: 1, checks: [{ type: 'file', path: '/a' }] },
    { id: 'b', title: 'B', referentiel: 'CP9.2', points: 2, hints: [{ fr: 'regardez /b' }], checks: [{ type: 'file', path: '/b' }] },
    { id: 'c', title: 'C', referentiel: 'CP9.3', points: 1, checks: [{ type: 'file', path: '/c' }] },
  ],
};
const line = (o: object): string => JSON.stringify(o);
const hello = line({ event: 'hello', protocol: '1.0', agentVersion: '0', node: 'v18', platform: 'linux', checkTypes: ['file'] });
const result = (id: string, status: 'pass' | 'fail'): string =>
  line({
    event: 'result',
    criterionId: id,
    checkIndex: 0,
    checkType: 'file',
    property: 'exists',
    status,
    expected: true,
    actual: status === 'pass',
    durationMs: 1,
  });
const end = (id: string): string => line({ event: 'checkEnd', criterionId: id, checkIndex: 0, durationMs: 1 });
const summary = line({ event: 'summary', runId: 'r', counts: { pass: 2, fail: 1, skip: 0, error: 0 }, durationMs: 3 });
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('run reporters: the live text', () => {
  it('writes each critère in pack order as soon as it and those before it settle, then the summary; as render does', async () => {
    const session = new Session(exercise, 'local', 'fr');
    session.start();
    const written: string[] = [];
    const out = runOutput('text', { lang: 'fr', exercise }, (s) => written.push(s));
    const feed = (...lines: string[]): void => lines.forEach((l) => (session.accept(l), out.onEvent(session)));
    // c settles first, but is held until a and b have been written.
    feed(hello, result('c', 'pass'), end('c'));
    await turn();
    assert.deepEqual(written, []);
    feed(result('a', 'pass'), end('a'));
    await turn();
    assert.deepEqual(written, ['✔ a — A 1/1']);
    feed(result('b', 'fail'), end('b'), summary);
    out.end(session.report());
    assert.match(written[1], /^✘ b — B 0\/2\n {4}✘ .*\n {4}Premier indice : regardez \/b\n✔ c — C 1\/1$/);
    assert.match(written[2], /^\nRÉUSSI {6}a — A \[CP9\.1\] 1\/1\n/);
    assert.equal(written.length, 3);
    assert.equal(written.join('\n'), runReporters.text.render(session.report(), { lang: 'fr', exercise })[0].content);
  });

  it('a run that failed before its report writes what had settled, and no summary', () => {
    const session = new Session(exercise, 'local', 'fr');
    session.start();
    const written: string[] = [];
    const out = runOutput('text', { lang: 'fr', exercise }, (s) => written.push(s));
    [hello, result('a', 'fail'), end('a')].forEach((l) => (session.accept(l), out.onEvent(session)));
    out.end();
    assert.equal(written.length, 1);
    assert.match(written[0], /^✘ a — A 0\/1\n/);
  });
});
