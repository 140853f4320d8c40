import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../extension/src/core/schemas';
import { ROOT } from '../helpers/paths';

/** The examples a check schema documents, and matcher forms its attributes must accept or refuse. */
describe('check schema examples and matcher forms', () => {
  const dir = join(ROOT, 'schemas/checks');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json')) {
    const schema = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { examples?: unknown[] };
    for (const [i, example] of (schema.examples ?? []).entries()) {
      it(`${name} example ${i + 1} validates`, () => assert.deepEqual(validate('check.schema.json', example), []));
    }
  }
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['bob’s groups contain compta', { type: 'user', name: 'bob', groups: { contains: 'compta' } }, true],
    ['the old exact groups list', { type: 'user', name: 'bob', groups: ['bob', 'compta'] }, true],
    ['the exit status is not 0', { type: 'command', exec: ['false'], exitStatus: { not: 0 } }, true],
    ['an exit status out of range stays refused', { type: 'command', exec: ['false'], exitStatus: 256 }, false],
    ['no write for group and others, in words', { type: 'file', path: '/srv/x', permissions: { group: { write: false }, others: { write: false } } }, true],
    ['an unknown class of users', { type: 'file', path: '/srv/x', writableBy: ['world'] }, false],
    ['an empty permissions object', { type: 'file', path: '/srv/x', permissions: {} }, false],
    [
      'a text list mixing old and new operators',
      { type: 'file', path: '/x', contents: ['a', { notContains: 'b' }, { not: { matches: '^c' } }, { length: { gt: 0 } }] },
      true,
    ],
    ['two operators in one matcher', { type: 'command', exec: ['x'], exitStatus: { not: 0, gt: 1 } }, false],
    ['runAs a user', { type: 'command', exec: ['id'], runAs: 'alice' }, true],
    ['runAs with a colon', { type: 'command', exec: ['id'], runAs: 'alice:compta' }, false],
    ['a password hash algorithm', { type: 'user', name: 'bob', passwordHash: 'yescrypt', locked: false, maxDays: { le: 90 } }, true],
    ['an unknown hash algorithm', { type: 'user', name: 'bob', passwordHash: 'rot13' }, false],
    ['a sha256', { type: 'file', path: '/x', sha256: 'a'.repeat(64), size: { gt: 0 }, linkedTo: '/y', uid: 0, gid: { ge: 0 } }, true],
    ['a short sha256', { type: 'file', path: '/x', sha256: 'abc' }, false],
    ['an activeSince operator', { type: 'service', name: 'nginx', activeSince: { lt: 60 } }, true],
  ];
  for (const [name, check, ok] of cases) {
    it(`${name} → ${ok ? 'valid' : 'invalid'}`, () => assert.equal(validate('check.schema.json', check).length === 0, ok));
  }
});
