// One fresh process, as an editor whose first .ps1 (or .sh) just opened: the lint worker process starts, loads the
// grammars and returns the first findings. Prints JSON: time to the first findings, and the longest stall of this (the
// extension host's) thread meanwhile, sampled every 5 ms. Run by scripts/bench-lint.mjs after `npx tsc -p .`.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');
const { LintWorkerClient } = require(join(ROOT, 'out/extension/src/core/lint/worker-client.js'));
const language = process.argv[2] === 'bash' ? 'bash' : 'powershell';
const text = process.argv[3];

// The longest gap between two ticks of a 5 ms timer: how long this thread could not run anything else.
let last = performance.now();
let maxStallMs = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  maxStallMs = Math.max(maxStallMs, now - last - 5);
  last = now;
}, 5);
const t0 = performance.now();
const engine = new LintWorkerClient();
const findings = await engine.analyse('bench', language, text);
const firstMs = performance.now() - t0;
clearInterval(ticker);
console.log(JSON.stringify({ firstMs, maxStallMs, findings: findings.length }));
engine.dispose();
