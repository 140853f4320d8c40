import * as vscode from 'vscode';
import { createServer } from 'node:net';
import type { TssrLabApi } from '../../../extension/src/extension';

/** The id of the extension under test. */
export const EXTENSION_ID = 'tssr-lab.tssr-lab';

/** The activated extension's API. */
export async function activeApi(): Promise<TssrLabApi> {
  const ext = vscode.extensions.getExtension<TssrLabApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** A loopback port nothing listens on once this resolves. */
export function closedPort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

/** Sets `tssrLab.*` settings of the workspace for the length of `fn`, then removes them. */
export async function withSettings<T>(values: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const cfg = vscode.workspace.getConfiguration('tssrLab');
  try {
    for (const [k, v] of Object.entries(values)) await cfg.update(k, v, vscode.ConfigurationTarget.Workspace);
    return await fn();
  } finally {
    for (const k of Object.keys(values)) await cfg.update(k, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/** Resolves on the first event that satisfies `probe`, or rejects after `ms`. */
export function next<E, T>(event: vscode.Event<E>, probe: (e: E) => T | undefined, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('event not seen in time'));
    }, ms);
    const sub = event((e) => {
      const v = probe(e);
      if (v === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}
