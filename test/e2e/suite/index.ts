// In-host suite: runs inside a real VS Code extension host (code-server here, or @vscode/test-electron).
import Mocha from 'mocha';
import { extensionTests } from './extension.test';

/** Entry point called by VS Code's test runner (extensionTestsPath). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'in-host', mocha);
  extensionTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-host test(s) failed`)) : resolve()));
  });
}
