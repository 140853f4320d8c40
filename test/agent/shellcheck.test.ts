import assert from 'node:assert/strict';
import { applyFix } from '../../extension/src/core/lint/engine';
import { lintFile } from '../../extension/src/core/lint/service';
import { runShellcheck } from '../../extension/src/core/lint/shellcheck';
import { testParser } from '../helpers/lint';

const script =
  '#!/bin/bash\n# Description : x\n# Auteur : a, 2026-11-28\nset -euo pipefail\nfor f in $(ls); do\n  echo "$f"\ndone\necho $HOME\n# shellcheck disable=SC2045\nfor g in $(ls /tmp); do echo "$g"; done\n';

describe('ShellCheck integration (Debian shellcheck binary)', () => {
  before(testParser);

  it('runs ShellCheck with json1, maps SC codes, wiki links and positions', async () => {
    const r = await runShellcheck(script);
    assert.equal(r.kind, 'ok');
    if (r.kind !== 'ok') return;
    const ls = r.findings.find((f) => f.code === 'SC2045' && !f.suppressed)!;
    assert.ok(ls, JSON.stringify(r.findings.map((f) => f.code)));
    assert.equal(ls.url, 'https://www.shellcheck.net/wiki/SC2045');
    assert.deepEqual([ls.range.line, script.slice(ls.start, ls.end)], [5, '$(ls)']);
  });

  it('keeps a finding the learner silenced with a shellcheck directive, flagged as suppressed', async () => {
    const r = await runShellcheck(script);
    assert.ok(r.kind === 'ok' && r.findings.some((f) => f.code === 'SC2045' && f.suppressed && f.range.line === 10));
  });

  it('merges with the TSSR rules without duplicates: the TSSR finding keeps the SC code as alias', async () => {
    const r = await lintFile(await testParser(), 'x.sh', script);
    assert.equal(r.shellcheck, 'ok');
    const line8 = r.findings.filter((f) => f.range.line === 8).map((f) => `${f.code}/${f.alias ?? ''}`);
    assert.deepEqual(line8, ['TSSR-B004/SC2086']);
  });

  it('offers ShellCheck’s own fixes as quick fixes', async () => {
    const text = '#!/bin/bash\nset -e\necho $1\n';
    const r = await runShellcheck(text);
    const f = r.kind === 'ok' ? r.findings.find((x) => x.code === 'SC2086') : undefined;
    assert.ok(f?.fix, 'SC2086 has no fix');
    assert.equal(applyFix(text, f.fix), '#!/bin/bash\nset -e\necho "$1"\n');
  });

  it('says ShellCheck is missing instead of failing, and the TSSR rules still run', async () => {
    assert.deepEqual(await runShellcheck('echo x', { path: '/nonexistent/shellcheck' }), { kind: 'missing', path: '/nonexistent/shellcheck' });
    const r = await lintFile(await testParser(), 'x.sh', 'echo $x\n', { shellcheck: { enabled: true, path: '/nonexistent/shellcheck' }, ignore: [] });
    assert.equal(r.shellcheck, 'missing');
    assert.ok(r.findings.some((f) => f.code === 'TSSR-B004'));
  });

  it('leaves out ignored SC codes', async () => {
    const r = await lintFile(await testParser(), 'x.sh', script, { shellcheck: { enabled: true }, ignore: ['SC2045'] });
    assert.equal(r.shellcheck, 'ok');
    assert.ok(!r.findings.some((f) => f.code === 'SC2045'));
    assert.ok(
      r.findings.some((f) => f.source === 'shellcheck' || f.alias === 'SC2086'),
      'ShellCheck still reports the codes not ignored',
    );
  });
});
