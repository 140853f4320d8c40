import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { constants } from 'node:os';

/** Folders removed on any exit, and command process groups killed then. */
const folders = new Set<string>();
const children = new Set<ChildProcess>();

/** What a worker tells its client as it happens, so the client can clean up after terminating it (see worker.ts). */
export type Ownership = { what: 'folder' | 'group'; id: string; held: boolean };
let announce: ((o: Ownership) => void) | undefined;

/** Reports every folder and process group taken or let go to `listener` (the worker mode's client). */
export function announceOwnership(listener: (o: Ownership) => void): void {
  announce = listener;
}

/** Removes `dir` when the agent exits, whatever the path; returns the unregistration. */
export function removeOnExit(dir: string): () => void {
  folders.add(dir);
  announce?.({ what: 'folder', id: dir, held: true });
  return () => {
    folders.delete(dir);
    announce?.({ what: 'folder', id: dir, held: false });
  };
}

/** Kills the child's process group if the agent exits while it runs; returns the unregistration. */
export function track(child: ChildProcess): () => void {
  children.add(child);
  const group = child.pid ? String(child.pid) : undefined;
  if (group) announce?.({ what: 'group', id: group, held: true });
  return () => {
    children.delete(child);
    if (group) announce?.({ what: 'group', id: group, held: false });
  };
}

/** Synchronous cleanup: the only kind that can run in an `exit` handler or after a signal. */
export function cleanupNow(): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  children.clear();
  for (const dir of folders) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort: the start-up sweep retries */
    }
  }
  folders.clear();
}

/**
 * Makes every catchable way out remove the temp workspace: normal end and fatal (`exit`), SIGTERM/SIGINT/SIGHUP,
 * a client gone (EPIPE on stdout), and an uncaught error. SIGKILL cannot be caught: the start-up sweep handles it.
 */
export function installExitHooks(onSignal: (signal: NodeJS.Signals) => void, onCrash: (e: unknown) => void): void {
  process.on('exit', cleanupNow);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => {
      cleanupNow();
      onSignal(signal);
      process.exit(128 + constants.signals[signal]);
    });
  }
  // The reader went away: nothing can be reported any more, so stop at once.
  process.stdout.on('error', () => {
    cleanupNow();
    process.exit(1);
  });
  installCrashHooks(onCrash);
}

/** An uncaught error removes the workspace, then becomes a fatal line; the only hooks a worker installs (no signals). */
export function installCrashHooks(onCrash: (e: unknown) => void): void {
  process.on('uncaughtException', (e) => {
    cleanupNow();
    onCrash(e);
  });
  process.on('unhandledRejection', (e) => {
    cleanupNow();
    onCrash(e);
  });
}
