import assert from 'node:assert/strict';
import { AgentError } from '../../extension/src/core/errors';
import type { Exercise } from '../../schemas/generated/types';
import { LineSplitter } from '../../extension/src/core/ndjson';
import { runReporters } from '../../extension/src/core/report/run';
import { formatCriterionBlock, formatSummary } from '../../extension/src/core/report/run/text-blocks';
import { validate } from '../../extension/src/core/schemas';
import { Session } from '../../extension/src/core/session';

const exercise: Exercise = {
  id: 'e',
  title: 'E',
  competences: ['CP9'],
  solution: { apply: 's' },
  criteria: [
    { id: 'a', title: 'A', referentiel: 'CP9.1', points: 2, hint: 'ha', checks: [{ type: 'file', path: '/x' }] },
    {
      id: 'b',
      title: { fr: 'B fr', en: 'B en' },
      referentiel: 'CP9.3',
      points: 3,
      hint: 'hb',
      checks: [
        { type: 'file', path: '/y' },
        { type: 'port', port: 1 },
      ],
    },
  ],
};
const hello = JSON.stringify({ event: 'hello', protocol: '1.0', agentVersion: '0', node: 'v18', platform: 'linux', checkTypes: ['file'] });
const result = (criterionId: string, checkIndex: number, status: string): string =>
  JSON.stringify({ event: 'result', criterionId, checkIndex, checkType: 'file', property: 'exists', status, message: status, durationMs: 1 });
const end = (criterionId: string, checkIndex: number): string => JSON.stringify({ event: 'checkEnd', criterionId, checkIndex, durationMs: 1 });

describe('session reducer', () => {
  it('settles a critère as soon as all its checks ended, before the summary', () => {
    const s = new Session(exercise, 'local', 'fr');
    s.start();
    [hello, result('a', 0, 'pass'), end('a', 0), result('b', 0, 'pass'), end('b', 0)].forEach((l) => s.accept(l));
    assert.equal(s.criteria.get('a')!.status, 'passed');
    assert.equal(s.criteria.get('a')!.earned, 2);
    assert.equal(s.criteria.get('b')!.status, 'running');
  });

  it('marks a critère failed on its first failed result', () => {
    const s = new Session(exercise, 'local', 'fr');
    s.start();
    [hello, result('b', 1, 'fail')].forEach((l) => s.accept(l));
    assert.equal(s.criteria.get('b')!.status, 'failed');
  });

  it('keeps the results received when a run is interrupted', () => {
    const s = new Session(exercise, 'local', 'en');
    s.start();
    [hello, result('a', 0, 'pass'), end('a', 0), result('b', 0, 'pass')].forEach((l) => s.accept(l));
    s.finish('interrupted', 'connection lost');
    const r = s.report();
    assert.deepEqual(validate('report.schema.json', r), []);
    assert.deepEqual(
      r.criteria.map((c) => [c.status, c.results.length]),
      [
        ['passed', 1],
        ['error', 1],
      ],
    );
    assert.equal(r.outcome, 'interrupted');
    assert.equal(r.criteria[1].title, 'B en');
  });

  it('refuses an agent of another protocol major', () => {
    const s = new Session(exercise, 'local', 'fr');
    assert.throws(
      () => s.accept(hello.replace('"1.0"', '"2.0"')),
      (e: AgentError) => e.code === 'PROTOCOL_MAJOR',
    );
  });

  it('refuses a line that is not protocol', () => {
    const s = new Session(exercise, 'local', 'fr');
    assert.throws(
      () => s.accept('Segmentation fault'),
      (e: AgentError) => e.code === 'BAD_LINE',
    );
    assert.throws(
      () => s.accept('{"event":"result"}'),
      (e: AgentError) => e.code === 'BAD_LINE',
    );
  });

  it('renders a valid report as text, with points, and as JUnit', () => {
    const s = new Session(exercise, 'ssh://u@h', 'fr');
    s.start();
    [hello, result('a', 0, 'pass'), end('a', 0), result('b', 0, 'fail'), end('b', 0), result('b', 1, 'pass'), end('b', 1)].forEach((l) => s.accept(l));
    s.accept(JSON.stringify({ event: 'summary', runId: 'r', counts: { pass: 2, fail: 1, skip: 0, error: 0 }, durationMs: 3 }));
    const r = s.report();
    assert.match(formatSummary(r, { lang: 'fr' }), /2\/5 points — 1 réussi\(s\), 1 échoué\(s\)/);
    // The first hint of the ladder goes with the failed critère's block, not the summary.
    assert.match(formatCriterionBlock(r.criteria[1], exercise.criteria[1], { lang: 'fr' }), /Premier indice : hb/);
    const xml = runReporters.junit.render(r, { lang: 'fr', exercise })[0].content;
    assert.match(xml, /<testsuite name="E" tests="2" failures="1" errors="0"/);
    // The reason of the failure, never the hint.
    assert.match(xml, /<failure message="Le fichier \/y : [^"]+">/);
    assert.doesNotMatch(xml, /hb/);
  });
});

describe('NDJSON line splitter', () => {
  it('joins chunks split anywhere and drops blank lines', () => {
    const lines: string[] = [];
    const sp = new LineSplitter((l) => lines.push(l));
    for (const c of ['{"a"', ':1}\n\n{"b":2}\r', '\n{"c"', ':3}']) sp.push(c);
    sp.end();
    assert.deepEqual(lines, ['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('reports and drops a line over the limit, then goes on', () => {
    const lines: string[] = [];
    const over: number[] = [];
    const sp = new LineSplitter(
      (l) => lines.push(l),
      (n) => over.push(n),
      10,
    );
    sp.push('x'.repeat(25));
    sp.push('yy\nok\n');
    assert.deepEqual(lines, ['ok']);
    assert.equal(over.length, 1);
  });
});
