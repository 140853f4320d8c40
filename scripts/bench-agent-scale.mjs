// Times the bundled agent alone on a large generated request: `node scripts/bench-agent-scale.mjs [checks=500] [runs=7] [--no-command]`.
// AGENT_JS=/path/to/agent.js times another build (e.g. the previous one, for a before/after series).
// Needs dist/agent.js (`node scripts/build.mjs`). No npm package is used: only node:*.
// Prints the median wall time (spawn to exit) and the median peak RSS, read from /proc/<pid>/status (VmHWM)
// when the summary line arrives, while the agent still waits for its stdout to flush.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const AGENT = process.env.AGENT_JS ?? join(ROOT, 'dist/agent.js');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const COUNT = Number(args[0] ?? 500);
const RUNS = Number(args[1] ?? 7);
// --no-command: leave out the 5% of command checks, to see the agent's own cost without process spawns.
const NO_COMMAND = process.argv.includes('--no-command');

// One block of 10 checks, in the proportions of issue 8's suite as far as the agent's types go.
const block = (i) => [
  { type: 'file', path: '/etc/passwd', owner: 'root', group: 'root', mode: '0644' },
  { type: 'file', path: '/etc/hostname', contents: [{ matches: '^[a-z0-9.-]+$' }] },
  { type: 'file', path: `/etc/tssr-bench-missing-${i}`, exists: false },
  { type: 'user', name: 'root', uid: 0, home: '/root', groups: ['root'] },
  { type: 'user', name: `tssr-bench-nobody-${i}`, exists: false },
  { type: 'package', name: 'bash', versions: [{ matches: '^\\d' }] },
  { type: 'package', name: ['coreutils', 'dpkg', 'tar', 'grep'][i % 4] },
  { type: 'port', port: 22 + (i % 3), listening: false },
  { type: 'port', port: 40000 + i, protocol: 'udp', listening: false },
  i % 2 && !NO_COMMAND
    ? { type: 'command', exec: ['true'], exitStatus: 0 }
    : { type: 'file', path: '/etc/os-release', contents: ['ID=', { notContains: 'zzz' }] },
];

function request(n) {
  const checks = [];
  for (let i = 0; checks.length < n; i++) checks.push(...block(i));
  return JSON.stringify({ event: 'run', protocol: 1, runId: 'bench', criteria: [{ id: 'c', checks: checks.slice(0, n) }] }) + '\n';
}

function runOnce(line) {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    // Started as LocalTransport and the SSH launcher start it: NODE_EXTRA_CA_CERTS moved aside (agent/src/extra-ca.ts).
    const env = { ...process.env };
    if (env.NODE_EXTRA_CA_CERTS) [env.TSSR_LAB_EXTRA_CA_CERTS, env.NODE_EXTRA_CA_CERTS] = [env.NODE_EXTRA_CA_CERTS, undefined];
    const child = spawn(process.execPath, [AGENT, 'serve'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    let hwmKb = null;
    let tail = '';
    child.stdout.on('data', (d) => {
      tail = (tail + d).slice(-4096);
      if (hwmKb === null && tail.includes('"event":"summary"')) {
        try {
          hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
        } catch {
          /* already gone */
        }
      }
    });
    child.on('error', rej);
    child.on('close', (code) => {
      if (code !== 0) return rej(new Error(`agent exited ${code}`));
      res({ ms: performance.now() - t0, mb: hwmKb === null ? NaN : hwmKb / 1024 });
    });
    child.stdin.end(line);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = request(COUNT);
await runOnce(line); // warm the page cache
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await runOnce(line));
const ms = runs.map((r) => r.ms);
const mb = runs.map((r) => r.mb).filter((x) => !Number.isNaN(x));
console.log(
  `agent alone, ${COUNT} checks${NO_COMMAND ? ' (no command)' : ''}, ${RUNS} runs: median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), ` +
    `peak RSS median ${mb.length ? median(mb).toFixed(1) : '?'} MB (${mb.length}/${RUNS} sampled); load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
