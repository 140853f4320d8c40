import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { announceOwnership, cleanupNow, type Ownership } from './cleanup';
import type { FirstLine } from './stdin';
import { useSink } from './protocol';

/** Marker the client puts in workerData: this bundle, loaded by `new Worker(agent.js)`, serves one run in-process. */
export const WORKER_MARKER = 'tssr-lab-agent';

/** The client's message that stops the run, as SIGTERM stops the agent process. */
export const STOP = 'stop';

/** Messages from the agent worker to its client (extension/src/core/worker-transport.ts mirrors these). */
export type WorkerMessage = { kind: 'data'; text: string } | { kind: 'end'; code: number } | ({ kind: 'own' } & Ownership);

/** Whether this bundle runs as the client's in-process worker rather than as `agent.js serve`. */
export function isAgentWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as { marker?: string } | null)?.marker === WORKER_MARKER;
}

/**
 * Sends protocol lines and the end through the parent port, and tells the client each folder and process group the run
 * holds: a client that must terminate the worker (a check stuck in synchronous code ignores `stop`) removes and kills
 * what is left itself. `onStop` runs on the client's stop message, between two turns of the event loop.
 */
export function useParentPort(onStop: () => void): void {
  const port = parentPort!;
  const post = (m: WorkerMessage): void => port.postMessage(m);
  // As the process's `exit` hook does: whatever way the run ends (summary, fatal, crash), `end` means cleaned up.
  useSink({
    write: (text) => post({ kind: 'data', text }),
    exit: (code) => {
      cleanupNow();
      post({ kind: 'end', code });
    },
  });
  announceOwnership((o) => post({ kind: 'own', ...o }));
  port.on('message', (m: unknown) => {
    if (m === STOP) onStop();
  });
}

/** The run request, sent by the client as one message (a string); past `limit` bytes it is refused like a long stdin line. */
export function readRequestMessage(limit: number): Promise<FirstLine> {
  return new Promise((resolve) => {
    parentPort!.once('message', (line: unknown) => {
      if (typeof line !== 'string' || line.length === 0 || line === STOP) return resolve({ kind: 'eof' });
      const bytes = Buffer.byteLength(line);
      resolve(bytes > limit ? { kind: 'tooLarge', bytes } : { kind: 'line', line: line.replace(/\r?\n$/, '') });
    });
  });
}
