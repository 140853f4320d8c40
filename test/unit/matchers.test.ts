import assert from 'node:assert/strict';
import type { Matcher } from '../../schemas/generated/types';
import { evaluate } from '../../agent/src/matchers/evaluate';
import { satisfies } from '../../agent/src/matchers/semver';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { renderReason } from '../../extension/src/core/i18n/reasons';

const regex = new RegexEngine();
after(() => regex.dispose());
const ctx = { regex, signal: new AbortController().signal, timeoutMs: 2000 };

describe('matchers', () => {
  const cases: Array<[string, Matcher, unknown, boolean]> = [
    ['plain value equals', 22, 22, true],
    ['plain value differs', 22, '22', false],
    ['a list in order', ['a', 'b'], ['a', 'b'], true],
    ['contains in a text', { contains: 'Listen 80' }, 'x\nListen 80\n', true],
    ['contains an element', { contains: 'compta' }, ['bob', 'compta'], true],
    ['contains no such element', { contains: 'rh' }, ['bob', 'compta'], false],
    ['contains an element matching', { contains: { matches: '^comp' } }, ['bob', 'compta'], true],
    ['matches a line', { matches: '^PermitRootLogin\\s+no$' }, 'a\nPermitRootLogin no\n', true],
    ['oneOf', { oneOf: ['active', 'activating'] }, 'active', true],
    ['consistOf any order', { consistOf: ['b', 'a'] }, ['a', 'b'], true],
    ['consistOf needs distinct elements', { consistOf: [{ matches: 'a' }, 'ab'] }, ['ab', 'zz'], false],
    ['consistOf pairs by augmenting', { consistOf: [{ matches: 'a' }, 'ab'] }, ['ab', 'ba'], true],
    ['not 0', { not: 0 }, 2, true],
    ['gt on numeric text', { gt: 1000 }, '1001', true],
    ['le', { le: 0.5 }, 0.7, false],
    ['length', { length: { ge: 2 } }, ['x', 'y'], true],
    ['haveKey path', { haveKey: 'server.port' }, { server: { port: 80 } }, true],
    ['haveKey missing', { haveKey: 'server.tls' }, { server: { port: 80 } }, false],
    ['allOf', { allOf: [{ ge: 1 }, { lt: 10 }] }, 5, true],
    ['anyOf', { anyOf: [0, { gt: 100 }] }, 50, false],
    ['semver on a Debian version', { semver: '>=1.22 <2' }, '1.22.1-9+deb12u2', true],
  ];
  for (const [name, m, actual, ok] of cases) {
    it(name, async () => assert.deepEqual(await evaluate(m, actual, ctx), { ok }));
  }
  it('an invalid pattern is an error with a reason, not a fail', async () => {
    const v = await evaluate({ matches: '(' }, 'x', ctx);
    assert.equal(v.ok, false);
    assert.equal(v.error?.code, 'regexInvalid');
  });
  it('semver ranges', () => {
    assert.ok(satisfies('2:9.18.28-1~deb12u2', '^9.18'));
    assert.ok(!satisfies('9.16.1', '^9.18'));
    assert.ok(satisfies('1.2.9', '~1.2.3'));
    assert.ok(!satisfies('1.3.0', '~1.2.3'));
    assert.ok(satisfies('3.1', '2.x || 3.x'));
  });
  it('a reason is worded in French by default and in English on request, nested reasons included', () => {
    const r = { code: 'skipped', params: { why: { code: 'mismatch', params: { property: 'uid', expected: 1001, actual: 1000 } } } };
    assert.equal(renderReason('fr', r), 'Non évalué : uid : attendu 1001, trouvé 1000');
    assert.equal(renderReason('en', r), 'Not evaluated: uid: expected 1001, found 1000');
  });
});
