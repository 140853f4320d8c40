// Bundles the extension, the CLI and the agent with esbuild into dist/.
import { build } from 'esbuild';
import { readFileSync, mkdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));
const common = { bundle: true, platform: 'node', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
const watchless = process.argv.includes('--tests');
mkdirSync('dist', { recursive: true });

const jobs = [
  // The agent runs on the target: Node 18, no dependency, one file.
  build({ ...common, entryPoints: ['agent/src/main.ts'], outfile: 'dist/agent.js', target: 'node18', sourcemap: false, minifySyntax: true, define: { AGENT_VERSION: JSON.stringify(pkg.version) } }),
  build({ ...common, entryPoints: ['extension/src/cli/main.ts'], outfile: 'dist/cli.js', target: 'node20', minify: true, banner: { js: '#!/usr/bin/env node' }, external: ['cpu-features', '*.node'] }),
  build({ ...common, entryPoints: ['extension/src/extension.ts'], outfile: 'dist/extension.js', target: 'node20', external: ['vscode', 'cpu-features', '*.node'], minify: true }),
];
if (watchless) {
  // The in-host suite that runs inside a real VS Code (code-server or test-electron).
  jobs.push(build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite.js', target: 'node20', external: ['vscode'], logLevel: 'error' }));
}
await Promise.all(jobs);
