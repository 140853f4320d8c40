import { readlinkSync } from 'node:fs';
import { lstat, mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import type { WorkspaceFile } from '../../schemas/generated/types';
import { removeOnExit } from './cleanup';
import { because, type Reason } from './reason';

/** A workspace file the agent cannot write; becomes a BAD_WORKSPACE fatal carrying the reason. */
export class WorkspaceError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.code);
  }
}

const PREFIX = 'tssr-lab-ws-';
// <pid>-n<pid namespace inode>-<mkdtemp suffix>: a folder is stale only if its agent's pid is dead in our namespace.
const NAME = /^tssr-lab-ws-(\d+)-n(\d+)-[A-Za-z0-9]{6}$/;
// Folders named before the pid was part of the name: no owner to ask, so only old ones go.
const LEGACY = /^tssr-lab-ws-[A-Za-z0-9]{6}$/;
const LEGACY_AGE_MS = 24 * 3600 * 1000;

/** Inode of this process's pid namespace: pids from another namespace (a container sharing /tmp) say nothing here. */
function pidNamespace(): string {
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
  } catch {
    return '0';
  }
}

/** The name prefix of this agent's temp folders (workspace and sandboxes): the start-up sweep knows whose they are. */
export function tempPrefix(): string {
  return `${PREFIX}${process.pid}-n${pidNamespace()}-`;
}

/** Writes the learner's files into a fresh private folder and returns it with its cleanup. */
export async function prepareWorkspace(files: WorkspaceFile[] = [], root = tmpdir()): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(root, tempPrefix()));
  const unregister = removeOnExit(dir);
  for (const f of files) {
    const target = resolve(dir, f.path);
    if (!target.startsWith(dir + sep)) throw new WorkspaceError(because('request.workspaceEscapes', { path: f.path }));
    try {
      await mkdir(dirname(target), { recursive: true });
      // `wx`: a duplicate path is refused rather than silently overwritten.
      await writeFile(target, Buffer.from(f.contentBase64, 'base64'), { mode: (f.mode ?? 0o644) & 0o777, flag: 'wx' });
    } catch (e) {
      throw new WorkspaceError(because('request.workspaceWrite', { path: f.path, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
  return {
    dir,
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      unregister();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes workspaces left by agents killed with SIGKILL: ours (same uid, same pid namespace) whose pid is dead, and day-old unnamed ones. */
export async function sweepStale(root = tmpdir()): Promise<string[]> {
  const ns = pidNamespace();
  const uid = process.getuid?.();
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      const m = NAME.exec(name);
      const legacy = LEGACY.test(name);
      if (!legacy && (!m || m[2] !== ns || Number(m[1]) === process.pid || alive(Number(m[1])))) return;
      const path = join(root, name);
      const st = await lstat(path).catch(() => null);
      if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) return;
      if (legacy && Date.now() - st.mtimeMs < LEGACY_AGE_MS) return;
      await rm(path, { recursive: true, force: true }).then(
        () => removed.push(path),
        () => undefined,
      );
    }),
  );
  return removed;
}
