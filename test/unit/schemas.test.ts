import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { registry } from '../../agent/src/registry';
import { CLIENT_CHECK_TYPES } from '../../extension/src/core/client-checks';
import { referentiel } from '../../extension/src/core/referentiel';
import { schemaCheckTypes, validate } from '../../extension/src/core/schemas';
import { ROOT } from '../helpers/paths';

describe('schemas are the source of truth', () => {
  it('committed TypeScript types match what the schemas generate', () => {
    // Exit code 1 and a "drift:" line when a generated file differs.
    execFileSync('node', [join(ROOT, 'scripts/gen-types.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('the check types of the schema are exactly the agent registry plus the client-side ones', () => {
    assert.deepEqual(schemaCheckTypes(), [...Object.keys(registry), ...CLIENT_CHECK_TYPES].sort());
    assert.ok(!CLIENT_CHECK_TYPES.some((t) => t in registry));
  });

  it('the référentiel catalogue holds the 20 competences and 98 critères', () => {
    assert.equal(referentiel.competenceIds().length, 20);
    assert.equal(referentiel.critereCount(), 98);
    assert.equal(referentiel.critere('CCS1.2')?.competence, 'CCS1');
  });

  const events: Array<[string, unknown, boolean]> = [
    ['hello', { event: 'hello', protocol: '1.0', agentVersion: '1', node: 'v18.19.0', platform: 'linux-x64', checkTypes: ['file'] }, true],
    [
      'result',
      {
        event: 'result',
        criterionId: 'a',
        checkIndex: 0,
        checkType: 'file',
        property: 'exists',
        status: 'pass',
        expected: true,
        actual: true,
        message: 'ok',
        durationMs: 1,
      },
      true,
    ],
    [
      'result with an unknown status',
      { event: 'result', criterionId: 'a', checkIndex: 0, checkType: 'file', property: 'exists', status: 'ok', message: 'ok', durationMs: 1 },
      false,
    ],
    ['unknown event', { event: 'progress' }, false],
    ['fatal', { event: 'fatal', code: 'BAD_JSON', message: 'x' }, true],
  ];
  for (const [name, value, ok] of events) {
    it(`protocol: ${name} is ${ok ? 'valid' : 'invalid'}`, () => {
      assert.equal(validate('protocol.schema.json#/$defs/AgentEvent', value).length === 0, ok);
    });
  }
});
