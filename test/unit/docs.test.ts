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

/** The reference in each language: the French page (the README's link) and its English twin, with a word each must hold. */
const PAGES = [
  { file: 'docs/checks.md', heading: '# Types de contrôle', words: /Chemin absolu sur la cible/ },
  { file: 'docs/checks.en.md', heading: '# Check types', words: /Absolute path on the target/ },
];

describe('docs/checks.md and docs/checks.en.md, generated from the check schemas', () => {
  it('match what the schemas generate (run `npm run gen`)', () => {
    // Exit code 1 and a "drift:" line for each page that differs.
    execFileSync('node', [join(ROOT, 'scripts/gen-docs.mjs'), '--check'], { stdio: 'pipe' });
  });

  for (const { file, heading, words } of PAGES)
    it(`${file} is in its language and has a section for every check type`, () => {
      const doc = readFileSync(join(ROOT, file), 'utf8');
      assert.equal(doc.split('\n')[1], heading);
      assert.match(doc, words);
      const sections = [...doc.matchAll(/^## `([^`]+)`$/gm)].map((m) => m[1]);
      assert.deepEqual(
        sections,
        checkSchemas().map((s) => s.type),
      );
    });

  it('the README links both pages', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const { file } of PAGES) assert.ok(readme.includes(`](${file})`), `README.md has no link to ${file}`);
  });

  for (const { file, type, examples } of checkSchemas()) {
    it(`${file}: its examples (at least one) are valid ${type} checks`, () => {
      assert.ok(examples?.length, `add an "examples" array with one realistic TSSR check to schemas/checks/${file}`);
      for (const example of examples) assert.deepEqual(validate('check.schema.json', example), [], JSON.stringify(example));
    });
  }
});
