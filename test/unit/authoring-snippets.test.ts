import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkTypes } from '../../extension/src/core/authoring/schema-walk';
import { checkSnippets, critereSnippet, escapeSnippet, exerciseSnippet, expandSnippet, packSnippet } from '../../extension/src/core/authoring/snippets';
import { schemaCheckTypes, validate } from '../../extension/src/core/schemas';

describe('authoring: snippets never drift from the schemas', () => {
  it('has one snippet per check type of check.schema.json', () => {
    assert.deepEqual(
      checkSnippets()
        .map((s) => s.type)
        .sort(),
      schemaCheckTypes(),
    );
  });

  // Drift test: left as is, each check snippet writes exactly its schema's first example, which the schema accepts.
  for (const { type, schema } of checkTypes())
    it(`the ${type} snippet expands to the ${type} schema’s example`, () => {
      const s = checkSnippets().find((x) => x.type === type)!;
      const written = parse(expandSnippet(s.lines)) as unknown;
      assert.deepEqual(written, schema.examples![0]);
      assert.deepEqual(validate('check.schema.json', written), []);
      assert.ok(s.lines.some((l) => /\$\{1:/.test(l)) || Object.keys(written as object).length === 1, 'no placeholder to fill');
    });

  it('writes a whole valid exercise, with a critère snippet as its list item', () => {
    const exercise = parse(expandSnippet(exerciseSnippet().lines)) as { criteria: unknown[] };
    assert.deepEqual(validate('exercise.schema.json', exercise), []);
    const critere = parse(expandSnippet(critereSnippet().lines));
    exercise.criteria.push({ ...critere, id: 'second' });
    assert.deepEqual(validate('exercise.schema.json', exercise), []);
  });

  it('writes a valid pack', () => {
    assert.deepEqual(validate('pack.schema.json', parse(expandSnippet(packSnippet().lines))), []);
  });

  const escapes: Array<[string, string]> = [
    ['$HOME', '\\$HOME'],
    ['a}b', 'a\\}b'],
    ['C:\\Donnees', 'C:\\\\Donnees'],
  ];
  for (const [raw, escaped] of escapes)
    it(`escapes ${raw} for snippet syntax and back`, () => {
      assert.equal(escapeSnippet(raw), escaped);
      assert.equal(expandSnippet([`\${1:${escaped}}`]), raw);
    });
});
