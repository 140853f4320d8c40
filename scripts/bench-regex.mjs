// Cost of one regex match through the agent's worker thread against the same match inline.
// Needs out/ (`npx tsc -p .`). `node scripts/bench-regex.mjs [matches=2000]`.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { RegexEngine } = require(join(resolve(import.meta.dirname, '..'), 'out/agent/src/matchers/regex.js'));
const N = Number(process.argv[2] ?? 2000);
const text = Array.from({ length: 40 }, (_, i) => `Option${i} value-${i}`).join('\n') + '\nPermitRootLogin no\n';
const pattern = '^PermitRootLogin\\s+no$';
const signal = new AbortController().signal;

// Per-match cost through an engine, after its first match (which pays the worker's start-up, if any).
async function perMatch(engine) {
  let t0 = performance.now();
  await engine.test(pattern, text, true, signal);
  const firstMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < N; i++) await engine.test(pattern, text, true, signal);
  const us = ((performance.now() - t0) / N) * 1000;
  engine.dispose();
  return { firstMs, us };
}
const worker = await perMatch(new RegexEngine(0));
const linear = await perMatch(new RegexEngine());

let t0 = performance.now();
let hits = 0;
for (let i = 0; i < N; i++) {
  const re = new RegExp(pattern, 'm');
  hits += text.split(/\r?\n/).findIndex((l) => re.test(l)) >= 0 ? 1 : 0;
}
const inlineUs = ((performance.now() - t0) / N) * 1000;
console.log(
  `regex match, ${N} sequential matches on a 41-line text (hits ${hits}):\n` +
    `  worker thread  ${worker.us.toFixed(1)} µs/match, first match (worker start-up) ${worker.firstMs.toFixed(1)} ms\n` +
    `  inline, guarded (V8 falls back to its linear engine past 2,000 backtracks) ${linear.us.toFixed(1)} µs/match\n` +
    `  inline, unguarded  ${inlineUs.toFixed(1)} µs/match (unsafe: what the agent did before)`,
);
