// The test command's style step: one pass or fail per tool, each failure printed with its offending files.
// `node scripts/style.mjs` runs it alone (exit 1 if a tool fails).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const TOOLS = [
  { name: 'eslint', args: ['eslint', '.', '--max-warnings=0'] },
];

/** Runs each tool; returns `{ passed, failed, skipped }` counts, one per tool. */
export function style(log = console.log) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const tool of TOOLS) {
    const r = spawnSync('npx', ['--no-install', ...tool.args], { encoding: 'utf8' });
    const ok = r.status === 0;
    counts[ok ? 'passed' : 'failed']++;
    log(`  ${ok ? '✔' : '✘'} ${tool.name}`);
    if (!ok) log((r.stdout + r.stderr).trim().replace(/^/gm, '    '));
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(style().failed ? 1 : 0);
