import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lexicalViolation, resolveInside, type PathKind } from '../../extension/src/core/paths';
import { pathMessage } from '../../extension/src/core/path-rules';

describe('path policy (resolveInside)', () => {
  let top: string;
  let root: string;

  before(() => {
    top = mkdtempSync(join(tmpdir(), 'tssr-paths-'));
    root = join(top, 'ex');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(join(root, 'dir'));
    mkdirSync(join(top, 'outdir'));
    writeFileSync(join(root, 'a.txt'), 'a');
    writeFileSync(join(root, 'sub', 'b.txt'), 'b');
    writeFileSync(join(top, 'outside.txt'), 'secret');
    writeFileSync(join(top, 'outdir', 'c.txt'), 'secret');
    symlinkSync('a.txt', join(root, 'link-in'));
    symlinkSync('sub', join(root, 'linkdir-in'));
    symlinkSync('../outside.txt', join(root, 'link-out'));
    symlinkSync(join(top, 'outside.txt'), join(root, 'link-out-abs'));
    symlinkSync('../outdir', join(root, 'linkdir-out'));
    symlinkSync('..', join(root, 'up'));
    symlinkSync('loop', join(root, 'loop'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
  });
  after(() => rmSync(top, { recursive: true, force: true }));

  const cases: Array<[string, PathKind, boolean, string]> = [
    ['a.txt', 'file', true, 'ok'],
    ['sub/b.txt', 'file', true, 'ok'],
    ['./sub/../a.txt', 'file', true, 'ok'],
    ['link-in', 'file', true, 'ok'],
    ['linkdir-in/b.txt', 'file', true, 'ok'],
    ['sub', 'directory', true, 'ok'],
    ['.', 'directory', true, 'ok'],
    ['new.txt', 'file', false, 'ok'],
    ['new.txt', 'file', true, 'missing'],
    ['sub/new/deeper.txt', 'file', true, 'missing'],
    ['../outside.txt', 'file', true, 'outside'],
    ['sub/../../outside.txt', 'file', true, 'outside'],
    ['..', 'directory', true, 'outside'],
    ['/etc/passwd', 'file', true, 'absolute'],
    ['C:\\Windows\\win.ini', 'file', true, 'absolute'],
    ['link-out', 'file', true, 'outside'],
    ['link-out-abs', 'file', true, 'outside'],
    ['linkdir-out/c.txt', 'file', true, 'outside'],
    ['linkdir-out/missing.txt', 'file', false, 'outside'],
    ['up/outside.txt', 'file', true, 'outside'],
    ['loop', 'file', true, 'outside'],
    ['a\0.txt', 'file', true, 'nul'],
    ['', 'file', true, 'empty'],
    ['dir', 'file', true, 'directory'],
    ['a.txt', 'directory', true, 'notDirectory'],
    ['fifo', 'file', true, 'notFile'],
  ];
  for (const [rel, kind, mustExist, expected] of cases) {
    it(`${JSON.stringify(rel)} as ${kind}${mustExist ? '' : ' (may be missing)'}: ${expected}`, () => {
      const r = resolveInside(root, rel, kind, mustExist);
      assert.equal(r.ok ? 'ok' : r.violation, expected);
      if (r.ok) assert.ok(r.abs.startsWith(root), r.abs);
    });
  }

  it('says, in French and English, that the path leaves the exercise folder', () => {
    assert.match(pathMessage('fr', 'outside', '../x', 'exercise', 'file'), /le chemin « \.\.\/x » sort du dossier de l’exercice/i);
    assert.match(pathMessage('en', 'outside', '../x', 'exercise', 'file'), /leaves the exercise folder/);
    assert.match(pathMessage('fr', 'nul', 'a\0b', 'exercise', 'file'), /« a\\0b » contient un caractère NUL/);
  });

  const lexical: Array<[string, string | undefined]> = [
    ['a/b.txt', undefined],
    ['a/../b.txt', undefined],
    ['../b.txt', 'outside'],
    ['a/../../b', 'outside'],
    ['/etc/shadow', 'absolute'],
    ['\\\\server\\share', 'absolute'],
    ['a\0', 'nul'],
    ['  ', 'empty'],
  ];
  for (const [rel, expected] of lexical) {
    it(`lexically, ${JSON.stringify(rel)} is ${expected ?? 'acceptable'}`, () => assert.equal(lexicalViolation(rel), expected));
  }
});
