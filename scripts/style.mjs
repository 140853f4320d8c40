// The test command's style step: one pass or fail per tool, each failure printed with its offending files.
// `node scripts/style.mjs` runs it alone (exit 1 if a tool fails).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const TOOLS = [
  { name: 'eslint', args: ['eslint', '.', '--max-warnings=0'] },
  // The agent runs on Debian 12's Node 18: agent/tsconfig.json checks it against Node 18's types.
  { name: 'tsc -p agent (Node 18 types)', args: ['tsc', '-p', 'agent'] },
  // Until the one-time reformat lands, a check would list every file: .prettier-pending says how to apply it.
  { name: 'prettier --check', args: ['prettier', '--check', '--log-level=warn', '.'], skipIf: '.prettier-pending' },
];

/** Runs each tool; returns `{ passed, failed, skipped }` counts, one per tool. */
export function style(log = console.log) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const tool of TOOLS) {
    if (tool.skipIf && existsSync(`${root}/${tool.skipIf}`)) {
      counts.skipped++;
      log(`  - ${tool.name} (skipped while ${tool.skipIf} exists: see that file)`);
      continue;
    }
    const r = spawnSync('npx', ['--no-install', ...tool.args], { cwd: root, encoding: 'utf8' });
    const ok = r.status === 0;
    counts[ok ? 'passed' : 'failed']++;
    log(`  ${ok ? '✔' : '✘'} ${tool.name}`);
    if (!ok) log((r.stdout + r.stderr).trim().replace(/^/gm, '    '));
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(style().failed ? 1 : 0);
