import { spawn, spawnSync } from 'node:child_process';
import type { Transcript } from './agent';
import { AGENT } from './paths';
import { runArgv } from './container';

/** Whether a program is on PATH. */
export function have(program: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program]).status === 0;
}

/** A network namespace of this test process, removed by `remove()`; `exec` prefixes argv to run inside it. */
export interface Netns {
  name: string;
  exec: string[];
  remove(): Promise<void>;
}

/** Creates an empty network namespace (root only): its own firewall, its own loopback, no route out. */
export async function createNetns(tag: string): Promise<Netns> {
  const name = `tssr-${tag}-${process.pid}`;
  const r = await runArgv('ip', ['netns', 'add', name]);
  if (r.code !== 0) throw new Error(`ip netns add ${name}: ${r.stderr}`);
  await runArgv('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']);
  return {
    name,
    exec: ['ip', 'netns', 'exec', name],
    remove: async () => {
      await runArgv('ip', ['netns', 'del', name]);
    },
  };
}

/** Runs the built agent (`serve`) behind an argv prefix (`ip netns exec ns`, `setpriv …`, none) and collects its output. */
export function runAgentVia(prefix: string[], input: string, timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): Promise<Transcript> {
  return new Promise((resolve, reject) => {
    const argv = [...prefix, process.execPath, AGENT, 'serve'];
    const child = spawn(argv[0], argv.slice(1), { env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('agent did not exit'));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.split('\n').filter(Boolean);
      try {
        resolve({ lines, events: lines.map((l) => JSON.parse(l)), code, stderr: err });
      } catch (e) {
        reject(new Error(`${(e as Error).message}: ${out} ${err}`));
      }
    });
    child.stdin.end(input);
  });
}
