// Prints the bench's tables: medians with ratios to the floor (bare bash) and to Testinfra, peak memory, CLI phases.
import { stats } from './measure.mjs';

const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;

/** One table: a row per tool, with its median, p90, ratios and peak memory. */
export function printTable(title, rows, runs) {
  const floor = rows.find((r) => r.floor);
  const peer = rows.find((r) => r.peer);
  console.log(`\n| ${title} (${runs} runs) | median | p90 | × bash | × Testinfra | peak memory (summed RSS) |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const s = stats(r.times);
    const ratio = (base) => (base ? `${(s.median / stats(base.times).median).toFixed(2)}×` : '—');
    const mem = r.peakKb ? `${(r.peakKb / 1024).toFixed(0)} MB` : '—';
    const note = r.verdict && r.verdict !== 'all pass' ? ` (${r.verdict.split(':')[0]})` : '';
    console.log(`| ${r.name}${note} | ${ms(s.median)} | ${ms(s.p90)} | ${ratio(floor)} | ${ratio(peer)} | ${mem} |`);
  }
}

/** The CLI's phases (TSSR_LAB_TIMINGS), medians per phase. */
export function printPhases(rows) {
  for (const r of rows) {
    const keys = Object.keys(r.timings[0]);
    const med = keys.map((k) => `${k} ${stats(r.timings.map((t) => t[k] ?? 0)).median.toFixed(1)}`);
    console.log(`\nPhases of ${r.name}, medians in ms: ${med.join(', ')}`);
  }
  console.log(
    '(node = Node starting and compiling cli.js; bundle = its top level; load = parse and validate the exercise; prepare = request' +
      ' and client-side checks; agent = the agent process, of which checks = its own run; report = output; overhead = total − agent)',
  );
}
