import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, FIXTURES, PACK, ROOT } from '../helpers/paths';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', TSSR_LAB_LANG: '' } });
const dir = mkdtempSync(join(tmpdir(), 'tssr-lint-'));
const bad = join(dir, 'bad.sh');
writeFileSync(bad, '#!/bin/bash\npassword="Azerty123"\nrm -rf $dir/*\n');
const warnOnly = join(dir, 'warn.sh');
writeFileSync(warnOnly, '#!/bin/bash\n# Description : x\n# Auteur : a, 2026-11-28\ncp $a /tmp\n');
const silenced = join(dir, 'silenced.sh');
writeFileSync(silenced, '#!/bin/bash\n# Description : x\n# Auteur : a, 2026-11-28\nset -e\n# tssr-lab-disable-next-line TSSR-B008\ntoken="abc"\n');
const ps = join(dir, 'Bad.ps1');
writeFileSync(ps, 'ls | % { Write-Host $_ }\n');

describe('tssr-lab lint', () => {
  it('prints file:line:col findings in French and exits 1 on errors', () => {
    const r = cli('lint', bad, ps);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /bad\.sh:2:10: error TSSR-B008: password contient un secret écrit en dur/);
    assert.match(r.stdout, /Bad\.ps1:1:1: warning TSSR-P002 \(PSAvoidUsingCmdletAliases\): « ls » est un alias de Get-ChildItem/);
  });

  it('exits 0 with only warnings, and speaks English on demand', () => {
    const r = cli('--lang', 'en', 'lint', warnOnly);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /warning TSSR-B004 \(SC2086\): \$a is unquoted/);
  });

  it('reports a silenced error as such, without failing the exit code', () => {
    const r = cli('lint', silenced);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /TSSR-B008: token contient un secret écrit en dur \[masqué par une directive\]/);
  });

  it('writes JSON and SARIF 2.1.0', () => {
    const json = JSON.parse(cli('lint', '--format', 'json', bad).stdout);
    assert.equal(json[0].language, 'bash');
    assert.ok(json[0].findings.some((f: { code: string; critere: string }) => f.code === 'TSSR-B005' && f.critere === 'CP11.3'));
    const sarif = JSON.parse(cli('lint', '--format', 'sarif', bad, silenced).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((r: { id: string; fullDescription: { text: string } }) => r.id === 'TSSR-B005' && r.fullDescription.text.length > 40));
    const hidden = run.results.find((r: { ruleId: string }) => r.ruleId === 'TSSR-B008' && String(JSON.stringify(r)).includes('silenced'));
    assert.ok(hidden?.suppressions?.[0]?.kind === 'inSource');
  });

  it('runs without ShellCheck when asked, and lists or explains the rules', () => {
    const r = cli('lint', '--no-shellcheck', '--format', 'json', warnOnly);
    assert.ok(!JSON.parse(r.stdout)[0].findings.some((f: { code: string }) => f.code.startsWith('SC')));
    assert.equal(JSON.parse(r.stdout)[0].shellcheck, 'disabled');
    assert.match(cli('rules').stdout, /TSSR-P013/);
    assert.match(cli('rules', 'PSAvoidUsingWriteHost').stdout, /Write-Output/);
  });

  it('finds nothing to say on the realistic, well-written sample scripts (no false positives)', () => {
    const files = readdirSync(join(FIXTURES, 'scripts')).map((f) => join(FIXTURES, 'scripts', f));
    const solutions = [
      'script-sauvegarde/solution/sauvegarde.sh',
      'ssh-durcissement/solution/apply.sh',
      'rsyslog-reception/solution/apply.sh',
      'ssh-durcissement/setup/depart.sh',
      'rsyslog-reception/setup/depart.sh',
    ].map((f) => join(PACK, f));
    const ours = [join(ROOT, '.ci/run'), join(ROOT, 'tools/code-server/install.sh')];
    const r = cli('lint', '--format', 'json', ...files, ...solutions, ...ours);
    const found = JSON.parse(r.stdout).flatMap((x: { file: string; findings: Array<{ code: string; range: { line: number } }> }) =>
      x.findings.map((f) => `${x.file}:${f.range.line} ${f.code}`),
    );
    assert.deepEqual(found, []);
    assert.ok(files.length >= 6);
  });
});
