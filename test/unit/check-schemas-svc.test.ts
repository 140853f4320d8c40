import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../extension/src/core/schemas';
import { ROOT } from '../helpers/paths';

/** A check inside the smallest valid exercise, validated as a pack author's file would be. */
function checkErrors(check: unknown): number {
  const exercise = {
    id: 'x',
    title: 'x',
    competences: ['CCS1'],
    solution: { apply: 'apply.sh' },
    criteria: [{ id: 'c', title: 't', referentiel: 'CCS1.1', points: 1, hint: 'h', checks: [check] }],
  };
  return validate('exercise.schema.json', exercise).length;
}

describe('schemas of cron, configKey, configTest, log and mount', () => {
  for (const type of ['cron', 'configKey', 'configTest', 'log', 'mount']) {
    it(`${type}: every example validates`, () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/checks', `${type}.schema.json`), 'utf8')) as { examples: unknown[] };
      assert.ok(schema.examples.length > 0);
      for (const e of schema.examples) assert.equal(checkErrors(e), 0, JSON.stringify(e));
    });
  }
  const cases: Array<[string, unknown, boolean]> = [
    ['cron without command or timer', { type: 'cron', user: 'root' }, false],
    ['cron by timer only', { type: 'cron', timer: 'logrotate' }, true],
    ['cron with a matcher on the user', { type: 'cron', command: { contains: 'x' }, user: { oneOf: ['root', 'backup'] } }, true],
    ['configKey ini without path', { type: 'configKey', format: 'ini', key: 'a.b' }, false],
    ['configKey sshd with its default path', { type: 'configKey', format: 'sshd', key: 'Port', value: 22 }, true],
    ['configKey unknown format', { type: 'configKey', format: 'yaml', key: 'a' }, false],
    ['configTest namedZone without its zone', { type: 'configTest', tool: 'namedZone', file: '/etc/bind/db.x' }, false],
    ['configTest an unknown tool', { type: 'configTest', tool: 'bash' }, false],
    ['configTest a relative file', { type: 'configTest', tool: 'nginx', file: 'nginx.conf' }, false],
    ['log without pattern or trigger', { type: 'log', path: '/var/log/syslog' }, false],
    ['log with a host that is an option', { type: 'log', trigger: { message: 'm', server: { host: '-x' } } }, false],
    ['log with a tcp server', { type: 'log', trigger: { message: 'm', server: { host: 'srv-log', port: 514, protocol: 'tcp' } } }, true],
    ['mount with a relative point', { type: 'mount', mountPoint: 'srv' }, false],
    ['mount usage over 100', { type: 'mount', mountPoint: '/', usage: 101 }, false],
  ];
  for (const [name, check, ok] of cases) it(`${name} → ${ok ? 'valid' : 'invalid'}`, () => assert.equal(checkErrors(check) === 0, ok));
});
