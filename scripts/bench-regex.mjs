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

const engine = new RegexEngine();
let t0 = performance.now();
await engine.test(pattern, text, true, signal);
const startMs = performance.now() - t0;
t0 = performance.now();
for (let i = 0; i < N; i++) await engine.test(pattern, text, true, signal);
const workerUs = ((performance.now() - t0) / N) * 1000;
engine.dispose();

t0 = performance.now();
let hits = 0;
for (let i = 0; i < N; i++) {
  const re = new RegExp(pattern, 'm');
  hits += text.split(/\r?\n/).findIndex((l) => re.test(l)) >= 0 ? 1 : 0;
}
const inlineUs = ((performance.now() - t0) / N) * 1000;
console.log(`regex match, ${N} sequential matches on a 41-line text: worker ${workerUs.toFixed(1)} µs/match, inline ${inlineUs.toFixed(1)} µs/match, ` +
  `worker start-up (first match) ${startMs.toFixed(1)} ms; hits ${hits}`);
