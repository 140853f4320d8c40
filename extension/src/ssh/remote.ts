import { posix } from 'node:path';

/** Oldest Node major the bundled agent runs on. */
export const MIN_NODE_MAJOR = 18;

/** Where the agent lives on a target: `~/.cache/tssr-lab/agent-<hash>.js`. */
export function remoteAgentPath(home: string, hash: string): { dir: string; file: string } {
  const dir = posix.join(home, '.cache', 'tssr-lab');
  return { dir, file: posix.join(dir, `agent-${hash}.js`) };
}

/** The error shown when a target has no usable Node, with the install commands per family. */
export function nodeMissingMessage(target: string, found?: string): string {
  const what = found ? `Node.js ${found} is too old on ${target} (TSSR Lab needs ${MIN_NODE_MAJOR} or later)` : `Node.js is not installed on ${target} (or not in the PATH of a non-interactive SSH session)`;
  return `${what}. Install it on the target, then run the check again:\n`
    + '  Debian/Ubuntu: sudo apt-get install -y nodejs\n'
    + '  RHEL/Rocky/Alma/Fedora: sudo dnf install -y nodejs';
}
