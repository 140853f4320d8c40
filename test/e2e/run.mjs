// End-to-end tests of the packaged .vsix in a real VS Code: code-server from npm, driven in Debian's Chromium.
// Phase 1 runs the in-host mocha suite inside the extension host; phase 2 drives the UI like a learner.
// Prints progress on stdout and, as its last line, JSON counts {passed, failed} for scripts/test.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { steps as targetSteps } from './steps/targets.mjs';
import { steps as learnerSteps } from './steps/learner.mjs';
import { steps as authoringSteps } from './steps/authoring.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CODE_SERVER = join(ROOT, 'tools/code-server/node_modules/.bin/code-server');
const counts = { passed: 0, failed: 0 };
const started = Date.now();
const log = (s) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}`);

/** shot(name) saves dist/e2e/<name>.png of the page. */
const shotOf = (page) => async (name) => {
  mkdirSync(join(ROOT, 'dist/e2e'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'dist/e2e', `${name}.png`) });
};

async function step(name, fn) {
  try {
    await fn();
    counts.passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    counts.failed++;
    console.log(
      `  ✘ ${name}\n    ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
}

/** Runs the in-host phase; a crash before its counts are written counts as one failure. */
async function inHost(fn) {
  try {
    await fn();
  } catch (e) {
    counts.failed++;
    console.log(
      `  ✘ in-host suite\n    ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
}

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

async function waitHealthy(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server not healthy at ${url}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'tssr-e2e-'));
const userData = join(tmp, 'user-data');
const extensions = join(tmp, 'extensions');
const workspace = join(tmp, 'workspace');
let server;
let browser;
let sshd;

try {
  execFileSync('bash', [join(ROOT, 'tools/code-server/install.sh')], { stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, 'dist/tssr-lab.vsix');
  cpSync(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  rmSync('/srv/tssr-lab-e2e-sauvegardes', { recursive: true, force: true });
  // A private sshd on 127.0.0.1, for the in-host test of an ssh:// target (compiled helper from out/).
  sshd = await createRequire(import.meta.url)(join(ROOT, 'out/test/helpers/sshd.js')).startSshd();
  const inHostCounts = join(tmp, 'in-host-counts.json');
  const sshEnv = {
    TSSR_E2E_INHOST_COUNTS: inHostCounts,
    TSSR_E2E_SSH_PORT: String(sshd.port),
    TSSR_E2E_SSH_KEY: sshd.clientKey,
    TSSR_E2E_SSH_KNOWN_HOSTS: sshd.knownHosts,
  };
  const env = {
    ...process.env,
    ...sshEnv,
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
  };
  const base = (dataDir) => ['--config', '/dev/null', '--user-data-dir', dataDir, '--extensions-dir', extensions];
  execFileSync(CODE_SERVER, [...base(userData), '--install-extension', vsix], { env, stdio: 'ignore' });
  const extDir = join(
    extensions,
    readdirSync(extensions).find((d) => d.startsWith('tssr-lab.tssr-lab-')),
  );
  log(`installed ${extDir}`);

  /** Starts code-server with a fresh user-data-dir; workspace trust on or off. */
  const startServer = async (trust) => {
    const dataDir = join(tmp, trust ? 'user-data-trust' : 'user-data');
    mkdirSync(join(dataDir, 'User'), { recursive: true });
    writeFileSync(
      join(dataDir, 'User/settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': trust,
      }),
    );
    const port = await freePort();
    const args = [
      ...base(dataDir),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(trust ? [] : ['--disable-workspace-trust']),
    ];
    const proc = spawn('setsid', [CODE_SERVER, ...args], { env, stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(`${url}/healthz`);
    return { proc, url };
  };
  const first = await startServer(false);
  server = first.proc;
  const origin = first.url;
  log('code-server is up');

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...env, XDG_CONFIG_HOME: join(tmp, 'chrome-config'), XDG_CACHE_HOME: join(tmp, 'chrome-cache') },
  });

  // Phase 1: the in-host mocha suite, against the installed (packaged) extension.
  if (!process.env.E2E_SKIP_INHOST)
    await inHost(async () => {
      const page = await browser.newPage();
      let exitCode;
      const done = new Promise((res) =>
        page.exposeFunction('codeAutomationExit', (code) => {
          exitCode = code;
          res();
        }),
      );
      await page.exposeFunction('codeAutomationLog', (type, args) => console.log(`    | ${format(...(args ?? []))}`));
      await page.goto(origin);
      const settings = await page.locator('meta#vscode-workbench-web-configuration').getAttribute('data-settings');
      const authority = JSON.parse(settings).remoteAuthority;
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${authority}${extDir}`],
        ['extensionTestsPath', `vscode-remote://${authority}${join(ROOT, 'dist/test/suite.js')}`],
      ];
      await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      await Promise.race([done, new Promise((_, rej) => setTimeout(() => rej(new Error('in-host suite timed out')), 180_000))]);
      await page.close();
      const c = JSON.parse(readFileSync(inHostCounts, 'utf8'));
      counts.passed += c.passed;
      counts.failed += c.failed;
      counts.skipped = (counts.skipped ?? 0) + c.skipped;
      console.log(`  in-host suite: ${c.passed} passed, ${c.failed} failed, exit ${exitCode}`);
      if (exitCode !== 0 && !c.failed) throw new Error(`in-host suite exited with ${exitCode}`);
    });

  // Phase 2: a learner's flow in the UI. The web's auto-save may have kept phase 1's edits: start from the fixture again.
  cpSync(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`);
  const palette = async (command) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.fill(`>${command}`);
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };

  await step('the TSSR Lab view shows pack → exercise → critère', async () => {
    await page.getByRole('tab', { name: 'TSSR Lab' }).click({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /Poste de travail Linux/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Le fichier des comptes existe/ }).waitFor();
    await page.getByRole('treeitem', { name: /Pack cassé/ }).waitFor();
  });

  await step('Vérifier on the local target marks critères passed and failed in the tree', async () => {
    await palette('TSSR Lab: Check (Vérifier)');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'poste' }).first().click();
    await page.getByRole('treeitem', { name: /Le fichier des comptes existe, réussi/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Le dossier des sauvegardes existe, échoué/ }).waitFor();
    await page.screenshot({ path: join(ROOT, 'dist/e2e-tree.png') });
  });

  await step('the Testing view shows the passed and failed critères', async () => {
    await palette('View: Show Testing');
    const exercise = page.locator('.test-explorer .monaco-list-row', { hasText: 'Poste de travail Linux' });
    await exercise.locator('.codicon-testing-failed-icon').waitFor({ timeout: 30_000 });
    await exercise.locator('.monaco-tl-twistie').click();
    await page.locator('.test-explorer .monaco-list-row', { hasText: 'Le fichier des comptes existe' }).locator('.codicon-testing-passed-icon').waitFor();
    await page.locator('.test-explorer .monaco-list-row', { hasText: 'Le dossier des sauvegardes existe' }).locator('.codicon-testing-failed-icon').waitFor();
    await page.screenshot({ path: join(ROOT, 'dist/e2e-testing.png') });
  });

  await step('the Problems panel lists the broken pack and the failed critère', async () => {
    await palette('View: Focus Problems');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows
      .filter({ hasText: /servise/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await rows
      .filter({ hasText: /Le dossier des sauvegardes existe :/ })
      .first()
      .waitFor();
    await page.screenshot({ path: join(ROOT, 'dist/e2e-problems.png') });
  });
  await step('a learner script shows French diagnostics in the Problems panel', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input.input').fill('nettoyage.sh');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'nettoyage.sh' }).first().click();
    await palette('View: Focus Problems');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'n’est pas entre guillemets' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'TSSR-B004' }).first().waitFor();
    await page.screenshot({ path: join(ROOT, 'dist/e2e-script-coach.png') });
  });
  await targetSteps({ page, palette, step, shot: shotOf(page), ROOT, origin, workspace, sshd });
  await learnerSteps({ page, palette, step, shot: shotOf(page), ROOT, origin, workspace });
  await authoringSteps({ page, palette, step, shot: shotOf(page), ROOT, origin, workspace });
  await page.close();

  // Phase 3: restricted mode. The learner refuses to trust the folder: the packs show, no check runs.
  process.kill(-server.pid, 'SIGTERM');
  const second = await startServer(true);
  server = second.proc;
  const restricted = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await restricted.goto(`${second.url}/?folder=${encodeURIComponent(workspace)}`);
  await step('an untrusted workspace shows the packs but cannot run Vérifier', async () => {
    await restricted.getByRole('button', { name: /No, I don't trust the authors/ }).click({ timeout: 60_000 });
    await restricted.getByRole('tab', { name: 'TSSR Lab' }).click({ timeout: 60_000 });
    await restricted.getByRole('treeitem', { name: /Le fichier des comptes existe, non exécuté/ }).waitFor({ timeout: 30_000 });
    await restricted.keyboard.press('F1');
    // Every command of the extension matches this prefix; past a few commands, "similar commands" would hide some.
    await restricted.locator('.quick-input-widget input.input').fill('>TSSR Lab:');
    const rows = restricted.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'TSSR Lab: Open statement' }).first().waitFor({ timeout: 10_000 });
    const runnable = await rows.filter({ hasText: 'Check (Vérifier)' }).count();
    if (runnable !== 0) throw new Error('Vérifier is offered in an untrusted workspace');
    await restricted.keyboard.press('Escape');
    await restricted.screenshot({ path: join(ROOT, 'dist/e2e-restricted.png') });
  });
} catch (e) {
  counts.failed++;
  console.log(`e2e setup failed: ${e?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  sshd?.stop();
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (process.env.E2E_COUNTS_FILE) writeFileSync(process.env.E2E_COUNTS_FILE, JSON.stringify(counts));
  console.log(JSON.stringify(counts));
  // Playwright and code-server leave handles behind; the counts are out, so end here.
  process.exit(counts.failed ? 1 : 0);
}
