// One fresh process, as an editor whose first .ps1 (or .sh) just opened: the lint worker process starts, loads the
// grammars and returns the first findings. Prints JSON: time to the first findings, and the longest stall of this (the
// extension host's) thread meanwhile, sampled every 5 ms. Run by scripts/bench-lint.mjs after `npx tsc -p .`.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');
const { LintWorkerClient } = require(join(ROOT, 'out/extension/src/core/lint/worker-client.js'));
const language = process.argv[2] === 'bash' ? 'bash' : 'powershell';
const text = process.argv[3];

const stalls = monitorEventLoopDelay({ resolution: 5 });
stalls.enable();
const t0 = performance.now();
const engine = new LintWorkerClient();
const findings = await engine.analyse('bench', language, text);
const firstMs = performance.now() - t0;
stalls.disable();
console.log(JSON.stringify({ firstMs, maxStallMs: stalls.max / 1e6, findings: findings.length }));
engine.dispose();
