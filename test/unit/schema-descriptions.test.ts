import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

/** The schemas trainers write against: their `description` is French, `x-description-en` its English twin. */
const TRAINER_SCHEMAS = [
  'exercise.schema.json',
  'pack.schema.json',
  'common.schema.json',
  'check.schema.json',
  ...readdirSync(join(ROOT, 'schemas/checks'))
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => `checks/${f}`),
];
/** Values, not schemas: a `description` key there is data. */
const DATA = new Set(['const', 'enum', 'default', 'examples']);

interface Documented {
  pointer: string;
  fr: unknown;
  en: unknown;
}

/** Every node with a `description` or an `x-description-en`, by JSON pointer. */
function documented(node: unknown, pointer = ''): Documented[] {
  if (!node || typeof node !== 'object') return [];
  const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
  const own = node as Record<string, unknown>;
  const here = typeof own.description === 'string' || 'x-description-en' in own ? [{ pointer, fr: own.description, en: own['x-description-en'] }] : [];
  return [...here, ...entries.filter(([k]) => !DATA.has(k)).flatMap(([k, v]) => documented(v, `${pointer}/${k}`))];
}

describe('schema descriptions: French for trainers, English beside them', () => {
  for (const file of TRAINER_SCHEMAS)
    it(`${file}: every description is French with its own English twin`, () => {
      const nodes = documented(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
      assert.ok(nodes.length > 0, 'a trainer-facing schema documents itself');
      for (const { pointer, fr, en } of nodes) {
        const where = `schemas/${file}#${pointer}`;
        assert.ok(typeof fr === 'string' && fr.trim(), `${where}: write the French "description"`);
        assert.ok(typeof en === 'string' && en.trim(), `${where}: keep the English text in "x-description-en" beside "description"`);
        assert.notEqual(fr, en, `${where}: "description" is the English copied; write it in French`);
      }
    });

  it('the walk finds a known pair (the test can see what it checks)', () => {
    const nodes = documented(JSON.parse(readFileSync(join(ROOT, 'schemas/checks/file.schema.json'), 'utf8')));
    const path = nodes.find((n) => n.pointer === '/properties/path');
    assert.match(String(path?.fr), /^Chemin absolu sur la cible/);
    assert.match(String(path?.en), /^Absolute path on the target/);
  });
});
