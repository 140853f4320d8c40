import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** Every $ref string in a schema. */
function refsOf(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const own = typeof (node as { $ref?: unknown }).$ref === 'string' ? [(node as { $ref: string }).$ref] : [];
  return [...own, ...Object.values(node).flatMap(refsOf)];
}

describe('authoring: the schemas the YAML extension reads ship in the .vsix', function () {
  this.timeout(120_000);
  let shipped: Set<string>;
  const contributed = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: Array<{ fileMatch: string; url: string }> } }
  ).contributes.yamlValidation;

  before(async () => {
    // vsce's own file listing, with .vscodeignore applied exactly as `vsce package` applies it.
    const { listFiles } = require('@vscode/vsce/out/api.js') as { listFiles(o: object): Promise<string[]> };
    shipped = new Set(await listFiles({ cwd: ROOT, packageManager: 'none' }));
  });

  it('associates exercise.yaml and pack.yaml with their schemas', () => {
    assert.deepEqual(
      contributed.map((c) => [c.fileMatch, c.url]),
      [
        ['**/exercise.yaml', './schemas/exercise.schema.json'],
        ['**/pack.yaml', './schemas/pack.schema.json'],
      ],
    );
  });

  it('resolves every $ref, file by file from where each schema sits, inside the package', () => {
    // The YAML extension resolves a relative $ref against the referring file's URL (not its $id): follow the same way.
    const todo = contributed.map((c) => c.url.replace(/^\.\//, ''));
    const seen = new Set<string>();
    let refs = 0;
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      assert.ok(shipped.has(file), `${file} is not in the .vsix: add it to .vscodeignore`);
      const schema = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
      for (const ref of refsOf(schema)) {
        refs++;
        const [path, pointer = ''] = ref.split('#');
        const target = path ? new URL(path, `file:///pkg/${file}`).pathname.slice('/pkg/'.length) : file;
        assert.ok(shipped.has(target), `${file}: $ref ${ref} points to ${target}, not in the .vsix`);
        let node = JSON.parse(readFileSync(join(ROOT, target), 'utf8')) as unknown;
        for (const seg of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[seg];
        assert.ok(node && typeof node === 'object', `${file}: $ref ${ref} points to nothing`);
        todo.push(target);
      }
    }
    assert.ok(seen.has('schemas/checks/file.schema.json') && refs > 50, `only ${seen.size} files, ${refs} refs followed`);
  });
});
