// The fan-out bench's results: the count of check verdicts in an evaluation.json (nothing lost), the load run's
// exercise (the 40-check suite repeated), and the table of medians, ratios and memory against the issue's goals.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { median } from './fanout-measure.mjs';

/** Counts the check verdicts in `file`: one per (host, exercise, critère, check index); `exact` when all are there. */
export function checkLoad(file, hosts, checksPerHost) {
  let ev;
  try {
    ev = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { verdicts: 0, results: 0, exact: false, allPass: false, summary: `no evaluation.json: ${e.message}` };
  }
  let verdicts = 0;
  let results = 0;
  let failing = 0;
  let short = 0;
  const states = {};
  for (const h of ev.hosts) {
    states[h.status] = (states[h.status] ?? 0) + 1;
    const checks = new Map();
    for (const run of h.runs)
      for (const c of run.criteria)
        for (const r of c.results) {
          results++;
          const key = `${run.exercise?.id}|${r.criterionId}#${r.checkIndex}`;
          checks.set(key, (checks.get(key) ?? true) && r.status === 'pass');
        }
    verdicts += checks.size;
    failing += [...checks.values()].filter((ok) => !ok).length;
    if (checks.size !== checksPerHost) short++;
  }
  const allDone = ev.hosts.every((h) => h.status === 'done');
  const exact = allDone && short === 0 && (hosts === Infinity || (ev.hosts.length === hosts && verdicts === hosts * checksPerHost));
  const summary = `${ev.hosts.length} hosts (${Object.entries(states)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')}), ${verdicts} check verdicts (${failing} not passing) from ${results} results; ${short} host(s) without exactly ${checksPerHost} verdicts`;
  return { verdicts, results, exact, allPass: exact && failing === 0, summary };
}

/** Writes an exercise of `n` checks: the suite's critères repeated (ids suffixed) and cut at exactly n checks. */
export function writeLoadExercise(work, exDir, n) {
  const ex = YAML.parse(readFileSync(join(exDir, 'exercise.yaml'), 'utf8'));
  const criteria = [];
  let left = n;
  for (let k = 1; left > 0 && k <= 1000; k++)
    for (const c of ex.criteria) {
      if (left <= 0) break;
      const checks = c.checks.slice(0, left);
      left -= checks.length;
      criteria.push({ ...c, id: `${c.id}-${k}`, checks });
    }
  const dir = join(work, 'exercise-load');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'exercise.yaml'), YAML.stringify({ ...ex, id: `bench-${n}`, criteria }));
  for (const f of ['apply.sh', 'enonce.md']) copyFileSync(join(exDir, f), join(dir, f));
  return dir;
}

const mb = (kb) => (kb / 1024).toFixed(0);

/** Prints the table per room size, the ratios of tssr-lab to each peer and the goals, met or not. */
export function printSeries(series, rounds, checks) {
  for (const s of series) {
    const [tssr] = s.tools;
    const floor = s.tools.find((t) => t.floor);
    const ansible = s.tools.find((t) => t.name.startsWith('Ansible'));
    const testinfra = s.tools.find((t) => t.name.startsWith('Testinfra'));
    const m = (t) => median(t.times);
    const runs = (t) => (t.times.length === rounds ? '' : ` (${t.times.length} run${t.times.length > 1 ? 's' : ''})`);
    console.log(`\n${s.n} hosts × ${checks} checks, medians of ${rounds} alternating rounds (clients in the hub namespace)`);
    console.log(`  ${'tool'.padEnd(34)} ${'median'.padStart(9)} ${'min'.padStart(8)} ${'tssr-lab ÷ it'.padStart(14)} ${'peak PSS'.padStart(9)}`);
    for (const t of s.tools)
      console.log(
        `  ${(t.name + runs(t)).padEnd(34)} ${(m(t) / 1000).toFixed(2).padStart(8)}s ${(Math.min(...t.times) / 1000).toFixed(2).padStart(7)}s ${(m(tssr) / m(t)).toFixed(3).padStart(14)} ${mb(median(t.peaks)).padStart(6)} MB`,
      );
    const goal = (what, ok) => console.log(`  goal ${what}: ${ok ? 'met' : 'NOT met'}`);
    if (s.n === 16) goal(`≤ 0.8× the bash floor with the same algorithms (${(m(tssr) / m(floor)).toFixed(2)}×)`, m(tssr) <= 0.8 * m(floor));
    if (s.n === 16) goal(`evaluator ≤ 100 MB at 16 hosts (${mb(Math.max(...tssr.peaks))} MB peak)`, Math.max(...tssr.peaks) / 1024 <= 100);
    if (!testinfra) continue;
    goal(`≥ 10× faster than Testinfra (${(m(testinfra) / m(tssr)).toFixed(1)}×)`, m(testinfra) >= 10 * m(tssr));
    goal(`≥ 50× faster than Ansible (${(m(ansible) / m(tssr)).toFixed(1)}×)`, m(ansible) >= 50 * m(tssr));
  }
}
