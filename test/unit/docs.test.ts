import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../extension/src/core/schemas';
import { ROOT } from '../helpers/paths';

/** The check type schemas: every schemas/checks/<type>.schema.json with a `type` const. */
function checkSchemas(): Array<{ file: string; type: string; examples?: unknown[] }> {
  const dir = join(ROOT, 'schemas/checks');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => ({ file: f, schema: JSON.parse(readFileSync(join(dir, f), 'utf8')) }))
    .filter(({ schema }) => schema.properties?.type?.const)
    .map(({ file, schema }) => ({ file, type: schema.properties.type.const, examples: schema.examples }));
}

describe('docs/checks.md, generated from the check schemas', () => {
  it('matches what the schemas generate (run `npm run gen`)', () => {
    // Exit code 1 and a "drift:" line when docs/checks.md differs.
    execFileSync('node', [join(ROOT, 'scripts/gen-docs.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('has a section for every check type', () => {
    const doc = readFileSync(join(ROOT, 'docs/checks.md'), 'utf8');
    const sections = [...doc.matchAll(/^## `([^`]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(
      sections,
      checkSchemas().map((s) => s.type),
    );
  });

  for (const { file, type, examples } of checkSchemas()) {
    it(`${file}: its examples (at least one) are valid ${type} checks`, () => {
      assert.ok(examples?.length, `add an "examples" array with one realistic TSSR check to schemas/checks/${file}`);
      for (const example of examples) assert.deepEqual(validate('check.schema.json', example), [], JSON.stringify(example));
    });
  }
});
