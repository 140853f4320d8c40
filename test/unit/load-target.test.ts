import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTarget } from '../../extension/src/core/load';
import { loadPack, useParseCache, type ParseCache } from '../../extension/src/core/pack';
import { FIXTURES, PACK } from '../helpers/paths';

/** What `validate <pack>` says about one of its exercises: the pack's own problems, then that exercise's (as before loadPackExercise). */
function viaWholePack(packDir: string, exDir: string) {
  const pack = loadPack(packDir, 'en');
  const ex = pack.exercises.find((e) => e.dir === exDir);
  return [...pack.problems, ...(ex?.problems ?? [])];
}

const DUPS = join(FIXTURES, 'bad-packs', 'pack-duplicate-exercise-ids');

/** A copy of the duplicate-id pack whose exercise files are rewritten by `edit`. */
function dupPack(edit: (name: string, text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-load-'));
  cpSync(DUPS, dir, { recursive: true });
  for (const name of ['ex', 'ex2']) {
    const file = join(dir, name, 'exercise.yaml');
    writeFileSync(file, edit(name, readFileSync(file, 'utf8')));
  }
  return dir;
}

describe('check loads pack.yaml and one exercise, with the problems validate reports for it', () => {
  const packs = [
    PACK,
    ...readdirSync(join(FIXTURES, 'bad-packs'))
      .map((n) => join(FIXTURES, 'bad-packs', n))
      .filter((d) => existsSync(join(d, 'pack.yaml'))),
  ];

  it(`equals the whole-pack load for every exercise of ${packs.length} packs (sample and bad-pack corpus)`, () => {
    let compared = 0;
    for (const packDir of packs) {
      for (const ex of loadPack(packDir, 'en').exercises) {
        const target = loadTarget(ex.dir, 'en');
        assert.equal(target.kind, 'exercise');
        assert.deepEqual(target.problems, viaWholePack(packDir, ex.dir), ex.dir);
        compared++;
      }
    }
    assert.ok(compared >= 6, `only ${compared} exercises compared`);
  });

  const cases: Array<[string, (name: string, text: string) => string, boolean]> = [
    ['the same id in plain text', (_n, t) => t, true],
    ['an earlier id written with YAML escapes', (n, t) => (n === 'ex' ? t.replace(/^id: ex$/m, 'id: "\\x65\\u0078"') : t), true],
    ['an earlier exercise with the same id but invalid', (n, t) => (n === 'ex' ? t.replace(/^title: .*$/m, 'title: ""') : t), false],
    ['different ids', (n, t) => (n === 'ex' ? t.replace(/^id: ex$/m, 'id: autre') : t), false],
  ];
  for (const [name, edit, duplicate] of cases) {
    it(`duplicate exercise id: ${name}`, () => {
      const dir = dupPack(edit);
      try {
        const second = loadTarget(join(dir, 'ex2'), 'en').problems;
        assert.deepEqual(second, viaWholePack(dir, join(dir, 'ex2')));
        assert.equal(
          second.some((p) => p.code === 'duplicate-exercise'),
          duplicate,
        );
        // The first of two is never the duplicate.
        assert.equal(
          loadTarget(join(dir, 'ex'), 'en').problems.some((p) => p.code === 'duplicate-exercise'),
          false,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('with a parse cache, the same problems; a cached value stands for the parse of an unchanged text only', () => {
    const store = new Map<string, unknown>();
    const cache: ParseCache = {
      get: (f, text) => store.get(f + '\0' + text),
      set: (f, text, v) => {
        store.set(f + '\0' + text, v);
      },
    };
    const dir = dupPack((_n, t) => t);
    useParseCache(cache);
    try {
      const cold = loadTarget(join(dir, 'ex2'), 'en').problems;
      assert.ok(store.size >= 2, 'the parse results were kept');
      assert.deepEqual(loadTarget(join(dir, 'ex2'), 'en').problems, cold);
      assert.ok(
        cold.some((p) => p.code === 'duplicate-exercise' && p.range.line === 1),
        JSON.stringify(cold),
      );
      // A changed text is parsed again: its new problem is found and located.
      writeFileSync(join(dir, 'ex2', 'exercise.yaml'), readFileSync(join(dir, 'ex2', 'exercise.yaml'), 'utf8').replace('points: 1', 'points: .inf'));
      const changed = loadTarget(join(dir, 'ex2'), 'en').problems;
      assert.ok(
        changed.some((p) => p.code === 'not-finite' && p.range.line === 11),
        JSON.stringify(changed),
      );
    } finally {
      useParseCache(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
