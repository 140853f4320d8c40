// In-host suite: runs inside a real VS Code extension host (code-server here, or @vscode/test-electron).
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { extensionTests } from './extension.test';
import { evaluationTests } from './evaluation.test';
import { runErrorTests } from './run-errors.test';
import { targetTests } from './targets.test';
import { learnerTests } from './learner.test';
import { authoringTests } from './authoring.test';

/** Entry point called by VS Code's test runner (extensionTestsPath). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'in-host', mocha);
  extensionTests();
  evaluationTests();
  runErrorTests();
  targetTests();
  learnerTests();
  authoringTests();
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const runner = mocha.run((failures) => {
      // The e2e runner adds these to the totals it reports (one count per in-host test).
      if (process.env.TSSR_E2E_INHOST_COUNTS) writeFileSync(process.env.TSSR_E2E_INHOST_COUNTS, JSON.stringify(counts));
      if (failures) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.skipped++);
  });
}
