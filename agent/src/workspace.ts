import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import type { WorkspaceFile } from '../../extension/src/core/generated/protocol';

/** Writes the learner's files into a fresh private folder and returns it with its cleanup. */
export async function prepareWorkspace(files: WorkspaceFile[] = []): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tssr-lab-ws-'));
  for (const f of files) {
    const target = resolve(dir, f.path);
    if (!target.startsWith(dir + sep)) throw new Error(`workspace path escapes the folder: ${f.path}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(f.contentBase64, 'base64'), { mode: f.mode ?? 0o644 });
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
