import { spawnSync } from 'node:child_process';

export { runAgentVia } from './agent';
export { createNetns, type TestNetns as Netns } from './netns';

/** Whether a program is on PATH. */
export function have(program: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program]).status === 0;
}
