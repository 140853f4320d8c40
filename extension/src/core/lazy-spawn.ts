import type { spawn as Spawn } from 'node:child_process';

/**
 * `child_process.spawn`, loaded on the first call: a local check, whose agent runs in a worker, never spawns from the
 * CLI's own thread, and loading child_process (with net and dgram) costs about 2 ms of its start.
 */
export const spawnLazily: typeof Spawn = ((...args: Parameters<typeof Spawn>) =>
  (require('node:child_process') as typeof import('node:child_process')).spawn(...args)) as typeof Spawn;
