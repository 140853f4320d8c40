import assert from 'node:assert/strict';
import { describeMatcher, excerpt, renderReason } from '../../extension/src/core/i18n';

describe('matchers and found values in words, for the learner', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['a plain value (equals)', 0, '0', '0'],
    ['a plain text', '/bin/bash', '/bin/bash', '/bin/bash'],
    ['a plain list stays a list', ['a', 'b'], '["a","b"]', '["a","b"]'],
    ['equals', { equals: 'x' }, '« x »', '"x"'],
    ['contains a text', { contains: 'compta' }, 'contient « compta »', 'contains "compta"'],
    ['contains a matcher', { contains: { matches: '^rh' } }, 'contient correspond au motif « ^rh »', 'contains matches the pattern "^rh"'],
    ['not 0', { not: 0 }, 'différent de 0', 'other than 0'],
    ['not equals', { not: { equals: 'root' } }, 'différent de « root »', 'other than "root"'],
    ['not contains', { not: { contains: 'games' } }, 'ne contient pas « games »', 'does not contain "games"'],
    ['not matches', { not: { matches: 'x+' } }, 'ne correspond pas au motif « x+ »', 'does not match the pattern "x+"'],
    ['not not', { not: { not: 3 } }, '3', '3'],
    ['not gt', { not: { gt: 3 } }, 'pas : supérieur à 3', 'not: greater than 3'],
    ['matches', { matches: '^PermitRootLogin\\s+no' }, 'correspond au motif « ^PermitRootLogin\\s+no »', 'matches the pattern "^PermitRootLogin\\s+no"'],
    ['gt', { gt: 3 }, 'supérieur à 3', 'greater than 3'],
    ['ge', { ge: 1024 }, 'supérieur ou égal à 1024', 'at least 1024'],
    ['lt', { lt: 10 }, 'inférieur à 10', 'less than 10'],
    ['le', { le: 0 }, 'inférieur ou égal à 0', 'at most 0'],
    ['oneOf', { oneOf: ['ext4', 'xfs', 'btrfs'] }, 'l’une des valeurs « ext4 », « xfs » ou « btrfs »', 'one of "ext4", "xfs" or "btrfs"'],
    ['not oneOf', { not: { oneOf: [1, 2] } }, 'aucune des valeurs 1 ou 2', 'none of 1 or 2'],
    ['consistOf', { consistOf: ['alice', 'bob'] }, 'exactement « alice » et « bob », dans n’importe quel ordre', 'exactly "alice" and "bob", in any order'],
    ['semver', { semver: '>=18' }, 'une version >=18', 'a version >=18'],
    ['length, plain', { length: 3 }, 'de longueur 3', 'of length 3'],
    ['length, compared (feminine)', { length: { gt: 2 } }, 'de longueur supérieure à 2', 'of length greater than 2'],
    ['haveKey', { haveKey: 'server.port' }, 'possède la clé « server.port »', 'has the key "server.port"'],
    [
      'allOf',
      { allOf: [{ contains: 'sudo' }, { not: { contains: 'games' } }] },
      'contient « sudo » et ne contient pas « games »',
      'contains "sudo" and does not contain "games"',
    ],
    ['anyOf with a plain value', { anyOf: [0, { gt: 100 }] }, '(égal à 0 ou supérieur à 100)', '(equal to 0 or greater than 100)'],
    [
      'nested allOf in anyOf',
      { anyOf: [{ allOf: [{ ge: 1 }, { le: 5 }] }, { equals: 9 }] },
      '((supérieur ou égal à 1 et inférieur ou égal à 5) ou égal à 9)',
      '((at least 1 and at most 5) or equal to 9)',
    ],
    ['an unknown operator stays data', { between: [1, 2] }, '{"between":[1,2]}', '{"between":[1,2]}'],
  ];
  for (const [name, m, fr, en] of cases) {
    it(`${name}: ${JSON.stringify(m)}`, () => {
      assert.equal(describeMatcher('fr', m), fr);
      assert.equal(describeMatcher('en', m), en);
    });
  }

  const found: Array<[string, unknown, string, string]> = [
    ['a short text', 'alice', 'alice', 'alice'],
    [
      'a script: its first non-blank line, and how many follow',
      '\n#!/usr/bin/env bash\n# TODO\n\necho hi\n',
      '#!/usr/bin/env bash (+2 lignes)',
      '#!/usr/bin/env bash (+2 lines)',
    ],
    ['a long line, cut at 80 characters', 'x'.repeat(200), `${'x'.repeat(79)}…`, `${'x'.repeat(79)}…`],
    ['a number', 0, '0', '0'],
    ['nothing', null, '∅', '∅'],
    ['a list', ['compta', 'rh'], '["compta","rh"]', '["compta","rh"]'],
  ];
  for (const [name, actual, fr, en] of found) {
    it(`found ${name}`, () => {
      assert.equal(excerpt('fr', actual), fr);
      assert.equal(excerpt('en', actual), en);
    });
  }

  it('keeps every excerpt on one line of at most 80 characters', () => {
    const long = Array.from({ length: 50 }, (_, i) => `ligne ${i} `.repeat(20)).join('\n');
    for (const lang of ['fr', 'en'] as const) {
      const e = excerpt(lang, long);
      assert.ok(!e.includes('\n') && !e.includes('⏎') && e.length <= 80, e);
    }
  });

  it('a mismatch reads as a sentence, never as JSON against a whole output', () => {
    const reason = {
      code: 'mismatch',
      params: { property: 'contents', expected: { matches: '(^|/)rh/contrat' }, actual: '#!/usr/bin/env bash\n# TODO\nexit 0\n' },
    };
    assert.equal(renderReason('fr', reason), 'contents : attendu correspond au motif « (^|/)rh/contrat », trouvé #!/usr/bin/env bash (+2 lignes)');
    assert.equal(renderReason('en', reason), 'contents: expected matches the pattern "(^|/)rh/contrat", found #!/usr/bin/env bash (+2 lines)');
    const groups = { code: 'mismatch', params: { property: 'groups', expected: { contains: 'compta' }, actual: ['bob', 'rh'] } };
    assert.equal(renderReason('fr', groups), 'groups : attendu contient « compta », trouvé ["bob","rh"]');
  });
});
