// The same in-host suite under @vscode/test-electron, for machines that can download VS Code.
// (Not run by `npm test`: this machine has no route to VS Code's download server; code-server covers it.)
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(import.meta.dirname, '../..');
const workspace = join(mkdtempSync(join(tmpdir(), 'tssr-electron-')), 'workspace');
cpSync(join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist/test/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`test-electron run failed: ${e?.message ?? e}`);
  process.exit(1);
}
