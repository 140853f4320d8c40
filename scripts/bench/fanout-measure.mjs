// Wall time and peak memory of a client process tree for the fan-out bench. Memory is the summed PSS of the process
// and all its descendants (from /proc/<pid>/smaps_rollup), sampled while it runs: PSS splits shared pages between
// the processes that map them, so 16 forks of one interpreter are not counted 16 times.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function children() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* ended meanwhile */
    }
  }
  return parent;
}

/** Summed PSS (KiB) of `root` and its descendants now. */
export function treePssKb(root) {
  const parent = children();
  let sum = 0;
  for (const pid of parent.keys()) {
    let p = pid;
    for (let hops = 0; p > 1 && p !== root && hops < 64; hops++) p = parent.get(p) ?? 0;
    if (p !== root) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) sum += Number(m[1]);
    } catch {
      /* ended meanwhile */
    }
  }
  return sum;
}

/** Runs argv to its end, sampling its tree's PSS every `everyMs` (0: no sampling); bounded by `timeoutMs`. */
export function runTree(argv, { env, cwd, everyMs = 200, timeoutMs = 900_000 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out = (out + d).slice(-200_000)));
    child.stderr.on('data', (d) => (out = (out + d).slice(-200_000)));
    let peakKb = 0;
    const timer = everyMs ? setInterval(() => (peakKb = Math.max(peakKb, treePssKb(child.pid))), everyMs) : undefined;
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(kill);
      resolve({ ms: performance.now() - t0, code: code ?? signal, out, peakKb });
    });
  });
}

/** Median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
