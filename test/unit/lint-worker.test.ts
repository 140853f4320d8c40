import assert from 'node:assert/strict';
import { lintText } from '../../extension/src/core/lint/engine';
import { LintWorkerClient, LintWorkerError } from '../../extension/src/core/lint/worker-client';
import type { ScriptLanguage } from '../../extension/src/core/lint/types';
import { testParser } from '../helpers/lint';

const PS = '$f = Get-ChildItem -Path C:\\Donnees\nls C:\\Donnees | % { Write-Host $_ }\n';
const SH = '#!/usr/bin/env bash\ndossier=$1\nrm -f $dossier/*.tmp\n';

describe('script coach: the engine in a worker process', () => {
  let engine: LintWorkerClient;
  before(async () => {
    await testParser();
    engine = new LintWorkerClient();
  });
  after(() => engine.dispose());

  const cases: Array<[string, ScriptLanguage, string]> = [
    ['a PowerShell script', 'powershell', PS],
    ['a bash script', 'bash', SH],
  ];
  for (const [name, language, text] of cases)
    it(`finds in ${name} what the engine finds in this thread`, async () => {
      const here = lintText(await testParser(), text, language);
      const there = await engine.analyse(`mem:${name}`, language, text);
      assert.ok(here.length > 0);
      assert.deepEqual(there, here);
    });

  it('follows edits and re-analyses incrementally, as a fresh analysis would', async () => {
    await engine.analyse('mem:edit', 'bash', SH);
    const at = SH.indexOf('$dossier/');
    engine.edit('mem:edit', at, at + '$dossier'.length, '"$dossier"');
    const edited = SH.slice(0, at) + '"$dossier"' + SH.slice(at + '$dossier'.length);
    assert.deepEqual(await engine.findings('mem:edit'), lintText(await testParser(), edited, 'bash'));
    assert.ok(!(await engine.findings('mem:edit')).some((f) => f.code === 'TSSR-B004' && f.range.line === 3));
  });

  it('says when it does not hold a document, so that the editor analyses it afresh', async () => {
    engine.close('mem:edit');
    await assert.rejects(engine.findings('mem:edit'), (e: unknown) => e instanceof LintWorkerError && e.unknown);
  });

  it('starts again after being stopped', async () => {
    engine.dispose();
    assert.ok((await engine.analyse('mem:again', 'powershell', PS)).some((f) => f.code === 'TSSR-P002'));
  });
});
