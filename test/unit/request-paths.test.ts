import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLintCheck } from '../../extension/src/core/client-checks';
import { PackError } from '../../extension/src/core/errors';
import type { Exercise } from '../../schemas/generated/types';
import type { ScriptParser } from '../../extension/src/core/lint/parser';
import { buildRequest } from '../../extension/src/core/request';

/** An exercise naming the given workspace files and solution folder, as if validation had been skipped. */
function exercise(workspaceFiles: string[], solutionFiles?: string): Exercise {
  return {
    id: 'ex',
    title: 'Ex',
    competences: ['CP9'],
    workspaceFiles,
    solution: solutionFiles ? { files: solutionFiles } : { apply: 's.sh' },
    criteria: [{ id: 'c1', title: 'T', referentiel: 'CP9.1', points: 1, hint: 'H', checks: [{ type: 'file', path: '/etc/hostname' }] }],
  };
}

describe('request building and lint checks refuse paths outside (defence behind validation)', () => {
  let top: string;
  let dir: string;
  before(() => {
    top = mkdtempSync(join(tmpdir(), 'tssr-request-'));
    dir = join(top, 'ex');
    mkdirSync(join(dir, 'dossier'), { recursive: true });
    writeFileSync(join(dir, 'script.sh'), 'echo ok\n');
    writeFileSync(join(top, 'secret.txt'), 'secret\n');
    symlinkSync('../secret.txt', join(dir, 'lien.sh'));
    execFileSync('mkfifo', [join(dir, 'tube.sh')]);
  });
  after(() => rmSync(top, { recursive: true, force: true }));

  const refused: Array<[string, string[], string | undefined, string]> = [
    ['a ".." path', ['../secret.txt'], undefined, 'PATH_OUTSIDE'],
    ['an absolute path', ['/etc/passwd'], undefined, 'PATH_ABSOLUTE'],
    ['a symlink leading outside', ['lien.sh'], undefined, 'PATH_OUTSIDE'],
    ['a FIFO (never opened)', ['tube.sh'], undefined, 'PATH_NOTFILE'],
    ['a folder', ['dossier'], undefined, 'PATH_DIRECTORY'],
    ['a missing file', ['absent.sh'], undefined, 'PATH_MISSING'],
    ['a solution folder outside', ['script.sh'], '..', 'PATH_OUTSIDE'],
  ];
  for (const [name, files, solution, code] of refused) {
    it(`buildRequest throws a PackError ${code} for ${name}`, () => {
      assert.throws(
        () => buildRequest(exercise(files, solution), dir, { lang: 'fr', useSolution: solution !== undefined }),
        (e: unknown) => e instanceof PackError && e.code === code,
      );
    });
  }

  it('buildRequest reads a workspace file inside the folder', () => {
    const r = buildRequest(exercise(['script.sh']), dir, { lang: 'fr' });
    assert.equal(Buffer.from(r.workspace![0].contentBase64, 'base64').toString(), 'echo ok\n');
  });

  it('a lint check throws a PackError before reading a file outside the workspace', async () => {
    const parser = {} as ScriptParser;
    for (const file of ['../secret.txt', 'lien.sh', 'tube.sh']) {
      await assert.rejects(runLintCheck({ type: 'lint', files: [file] }, 'c1', 0, dir, parser, 'fr'), PackError, file);
    }
  });
});
