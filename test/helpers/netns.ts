import { execFileSync } from 'node:child_process';
import { runAgentVia, type Transcript } from './agent';

/** A throw-away network namespace for tests; `ip` runs inside it, and so can the built agent. */
export interface TestNetns {
  name: string;
  /** The argv prefix that runs a program inside the namespace. */
  exec: string[];
  /** Runs `ip ARGS…` inside the namespace (argv array, no shell). */
  ip(...args: string[]): void;
  /** Runs the built agent inside the namespace (`ip netns exec`), as `runAgent` does on the host. */
  runAgent(input: string, timeoutMs?: number): Promise<Transcript>;
  remove(): void;
}

/** Why netns tests cannot run here, or undefined when they can (root and iproute2 with netns support). */
export function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
  } catch {
    return '`ip netns` is not available (install iproute2)';
  }
  return undefined;
}

/** Creates a namespace named after the test and this process, with its loopback up. */
export function createNetns(tag: string): TestNetns {
  const name = `tssr-${tag}-${process.pid}`;
  execFileSync('ip', ['netns', 'add', name]);
  const ip = (...args: string[]): void => {
    execFileSync('ip', ['-n', name, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  ip('link', 'set', 'lo', 'up');
  return {
    name,
    ip,
    exec: ['ip', 'netns', 'exec', name],
    runAgent: (input, timeoutMs = 30_000) => runAgentVia(['ip', 'netns', 'exec', name], input, timeoutMs),
    remove: () => {
      execFileSync('ip', ['netns', 'delete', name]);
    },
  };
}
