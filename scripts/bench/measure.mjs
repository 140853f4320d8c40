// Timing and memory helpers for the bench: wall time of a child process, peak summed RSS of its process tree,
// order statistics, and a fixed JS loop that shows the machine's own noise.
import { spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';

/** Median, p90 and min of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.min(s.length - 1, Math.floor(s.length * 0.9))], min: s[0], n: s.length };
}

/** Runs a command to its end; resolves with its wall time (ms), exit code, stdout and stderr. */
export function run(cmd, args, { stdinFile, env, sample } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      stdio: [stdinFile ? openSync(stdinFile, 'r') : 'ignore', 'pipe', 'pipe'],
      env: env ? { ...process.env, ...env } : process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const sampler = sample ? treeSampler(child.pid) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      resolve({ ms, code, stdout, stderr, peakKb: sampler?.stop() });
    });
  });
}

const PAGE_KB = 4;

/** Samples the summed RSS of a process and all its descendants every few ms; stop() returns the peak in KiB. */
function treeSampler(root) {
  let peak = 0;
  const tick = () => {
    const parent = new Map();
    const rss = new Map();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(name), Number(f[1]));
        rss.set(Number(name), Number(f[21]) * PAGE_KB);
      } catch {
        /* the process ended meanwhile */
      }
    }
    let sum = 0;
    for (const [pid, kb] of rss) {
      for (let p = pid; p > 1; p = parent.get(p) ?? 0)
        if (p === root) {
          sum += kb;
          break;
        }
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(tick, 4);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Times a fixed pure-JS loop `rounds` times: the spread of this number is the machine's, not the code's. */
export function controlLoop(rounds = 15) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    let x = 0;
    for (let j = 0; j < 2e7; j++) x += j % 7;
    times.push(performance.now() - t0 + (x < 0 ? 1 : 0));
  }
  return stats(times);
}

/** The machine's load average and core count, printed with the results. */
export function load() {
  return `${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${readdirSync('/sys/devices/system/cpu').filter((n) => /^cpu\d+$/.test(n)).length} cores`;
}
