// The test command: builds, compiles the tests, runs every suite and ends with "N passed, N failed[, N skipped]".
// `node scripts/test.mjs [suite…]` runs only the named suites (style, unit, agent, ssh, pack, container, e2e);
// the style step (scripts/style.mjs: eslint, the formatter, the agent's Node 18 types) also runs with unit.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync, mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Mocha from 'mocha';
import { style } from './style.mjs';

const ALL = ['style', 'unit', 'agent', 'ssh', 'pack', 'container', 'e2e'];
const asked = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const wanted = asked.includes('unit') && !asked.includes('style') ? ['style', ...asked] : asked;
const totals = { passed: 0, failed: 0, skipped: 0 };
const sh = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
// The suites' temporary folders (hundreds of mkdtemp a run) go in one folder of this run, removed at the end: a /tmp
// of thousands of entries slows whatever lists it, the agent's sweep of stale workspaces among them. Mode 1777 as
// /tmp: tests run commands as other users in folders they make there. The container suite keeps the system's TMPDIR,
// as systemd-nspawn places its --volatile=overlay folder there (a flaky journal check in tssr-supervision looked
// tied to it for a while; it was not, see the session notes, but the suite runs as it always has).
const systemTmp = process.env.TMPDIR;
const runTmp = mkdtempSync(join(tmpdir(), 'tssr-test-run-'));
chmodSync(runTmp, 0o1777);
const useTmp = (suite) => {
  const dir = suite === 'container' ? systemTmp : runTmp;
  if (dir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = dir;
};
useTmp('');

sh('node', ['scripts/build.mjs', '--tests']);
sh('npx', ['tsc', '-p', '.']);

function files(suite) {
  const dir = join('out/test', suite);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

async function mochaSuite(suite) {
  const mocha = new Mocha({ timeout: 60_000, reporter: 'spec', color: false });
  files(suite).forEach((f) => mocha.addFile(f));
  await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', () => totals.passed++);
    runner.on('fail', () => totals.failed++);
    runner.on('pending', () => totals.skipped++);
  });
}

for (const suite of wanted) {
  console.log(`\n=== ${suite} ===`);
  useTmp(suite);
  if (suite === 'style') {
    const c = style();
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  } else if (suite === 'e2e') {
    // Runs in its own process: code-server, Chromium and the in-host suite. It writes its counts to a file.
    const countsFile = join(mkdtempSync(join(tmpdir(), 'tssr-e2e-counts-')), 'counts.json');
    const r = spawnSync('node', ['test/e2e/run.mjs'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, E2E_COUNTS_FILE: countsFile },
      timeout: 15 * 60_000,
    });
    try {
      const c = JSON.parse(readFileSync(countsFile, 'utf8'));
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped ?? 0;
    } catch {
      totals.failed++;
      console.log(`e2e runner ended without counts (exit ${r.status})`);
    }
  } else {
    await mochaSuite(suite);
  }
}

try {
  rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
} catch (e) {
  console.log(`left ${runTmp} behind: ${e.message}`);
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
