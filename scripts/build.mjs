// Bundles the extension, the CLI and the agent with esbuild into dist/.
import { build } from 'esbuild';
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// Standalone ajv validators, generated before bundling (and before tsc, which scripts/test.mjs runs after this).
import './gen-validators.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));
// web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: bundle its CommonJS build.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};
const watchless = process.argv.includes('--tests');
mkdirSync('dist', { recursive: true });
// The script coach's WASM runtime and grammars sit beside the bundles (no native build anywhere: package.json's
// allowScripts denies the grammar packages' node-gyp install scripts; only their .wasm files are used).
const require = createRequire(import.meta.url);
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-powershell/tree-sitter-powershell.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${wasm.split('/')[1]}`);
}

// Packages the CLI needs only for some runs (ssh2 for an SSH target, web-tree-sitter for a lint check or command) are
// bundled apart and required from cli.js on first use: a local `check` then never parses them (about 10 ms each).
// Only third-party code moves out, so no class of ours (errors checked with instanceof) exists twice.
const vendors = { ssh2: 'ssh2', 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' };
const vendorPlugin = {
  name: 'vendor-split',
  setup(b) {
    b.onResolve({ filter: /^(ssh2|web-tree-sitter)$/ }, (a) => ({ path: `./vendor-${a.path}.js`, external: true }));
  },
};

// commander requires child_process at load for executable subcommands, which tssr-lab never uses: the CLI would load
// it (with net and dgram, about 2 ms) on every start. It is required on first use instead.
const COMMANDER_EAGER = "const childProcess = require('node:child_process');";
const commanderLazyPlugin = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      if (!text.includes(COMMANDER_EAGER)) throw new Error(`${a.path}: commander changed, update commanderLazyPlugin in scripts/build.mjs`);
      return {
        contents: text.replace(COMMANDER_EAGER, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"),
        loader: 'js',
      };
    });
  },
};

const jobs = [
  ...Object.entries(vendors).map(([name, entry]) =>
    build({
      ...common,
      alias: {},
      entryPoints: [entry],
      outfile: `dist/vendor-${name}.js`,
      target: 'node20',
      minify: true,
      external: ['cpu-features', '*.node'],
    }),
  ),
  // The agent runs on the target: Node 18, no dependency, one file.
  build({
    ...common,
    entryPoints: ['agent/src/main.ts'],
    outfile: 'dist/agent.js',
    target: 'node18',
    sourcemap: false,
    minifySyntax: true,
    define: { AGENT_VERSION: JSON.stringify(pkg.version) },
  }),
  // dist/cli.js is a small launcher that loads dist/cli-main.js through V8's code cache (extension/src/cli/launcher.ts).
  build({
    ...common,
    entryPoints: ['extension/src/cli/launcher.ts'],
    outfile: 'dist/cli.js',
    target: 'node20',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: ['extension/src/cli/main.ts'],
    outfile: 'dist/cli-main.js',
    target: 'node20',
    minify: true,
    define: { CLI_VERSION: JSON.stringify(pkg.version) },
    external: ['cpu-features', '*.node'],
    alias: {},
    plugins: [vendorPlugin, commanderLazyPlugin],
  }),
  // The script coach's engine, run in a worker thread by the editor (core/lint/worker-client.ts).
  build({
    ...common,
    entryPoints: ['extension/src/core/lint/lint-worker.ts'],
    outfile: 'dist/lint-worker.js',
    target: 'node20',
    minify: true,
  }),
  // The editor's bundle leaves the generated validators (a megabyte of code) to a file of their own, required on the
  // first validation (core/schemas.ts): the extension's module load parses none of it.
  build({
    ...common,
    entryPoints: ['extension/src/extension.ts'],
    outfile: 'dist/extension.js',
    target: 'node20',
    external: ['vscode', 'cpu-features', '*.node', './generated-validators'],
    minify: true,
    plugins: [vendorPlugin],
  }),
  build({
    ...common,
    entryPoints: ['extension/src/core/generated-validators/index.ts'],
    outfile: 'dist/generated-validators.js',
    target: 'node20',
    minify: true,
  }),
];
if (watchless) {
  // The in-host suite that runs inside a real VS Code (code-server or test-electron).
  jobs.push(
    build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite.js', target: 'node20', external: ['vscode'], logLevel: 'error' }),
  );
}
await Promise.all(jobs);
