// Times the extension's module load: requiring dist/extension.js in a fresh Node process, with a stub for the `vscode`
// module (activate() is not called: that part reloads the packs and is timed by the e2e). Prints the median of N runs.
// `node scripts/bench-activation.mjs [runs=9]`, after `node scripts/build.mjs`.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist/extension.js');
const RUNS = Number(process.argv[2] ?? 9);

// The child: every `vscode.X` the bundle names is a do-anything stub, so the bundle's top level runs as in VS Code.
const CHILD = `
const Module = require('module');
const src = require('fs').readFileSync(${JSON.stringify(BUNDLE)}, 'utf8');
const names = new Set([...src.matchAll(/\\.([A-Z][A-Za-z]+|window|workspace|commands|languages|tests|env|extensions|l10n|debug)\\b/g)].map((m) => m[1]));
const deep = () => new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : deep()), apply: () => deep(), construct: () => deep() });
const stub = {};
for (const n of names) stub[n] = deep();
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (req, ...a) { return req === 'vscode' ? 'vscode' : resolveFilename.call(this, req, ...a); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t0 = process.hrtime.bigint();
require(${JSON.stringify(BUNDLE)});
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
`;

const times = [];
for (let i = 0; i < RUNS; i++) times.push(Number(execFileSync(process.execPath, ['-e', CHILD]).toString()));
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `extension module load, ${RUNS} fresh processes: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}); goal ≤ 50 ms; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
