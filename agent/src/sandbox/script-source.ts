import { chmod, copyFile, chown, lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ScriptFixture } from '../../../schemas/generated/types';
import { because, type Reason } from '../reason';
import type { Owner } from './dir';

/** Largest script the agent copies into a sandbox. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;

/** A path from the pack: workspace-relative (kept inside the workspace) or absolute on the target. */
export function sourcePath(cwd: string, path: string): string | undefined {
  return isAbsolute(path) ? path : under(cwd, path);
}

/** A sandbox-relative destination, or undefined when it would leave the sandbox. */
export function insideSandbox(work: string, rel: string): string | undefined {
  return isAbsolute(rel) ? undefined : under(work, rel);
}

/** `rel` resolved strictly below `root` (not the root itself, not outside it). */
function under(root: string, rel: string): string | undefined {
  const abs = resolve(root, rel);
  const back = relative(root, abs);
  return back === '' || back === '..' || back.startsWith('..' + sep) || isAbsolute(back) ? undefined : abs;
}

/** The script's text, or why it cannot be used: missing (the learner's to fix), unreadable, too large, not a file. */
export async function readScript(cwd: string, script: string): Promise<{ text: Buffer } | { missing: true } | { error: Reason }> {
  const abs = sourcePath(cwd, script);
  if (!abs) return { error: because('script.outsideWorkspace', { script }) };
  const st = await lstat(abs).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) {
    if (st.code === 'ENOENT' || st.code === 'ENOTDIR') return { missing: true };
    return { error: because('script.unreadable', { script, error: st.code ?? st.message }) };
  }
  if (!st.isFile()) return { error: because('script.notFile', { script }) };
  if (st.size > MAX_SCRIPT_BYTES) return { error: because('script.tooLarge', { script, size: st.size, limit: MAX_SCRIPT_BYTES }) };
  try {
    return { text: await readFile(abs) };
  } catch (e) {
    return { error: because('script.unreadable', { script, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }) };
  }
}

/** The argv that runs a script file: the interpreter given, else its `#!` line (split on blanks, as the kernel does), else /bin/sh. */
export function scriptArgv(file: string, text: Buffer, interpreter: string | undefined, args: string[] = []): string[] {
  if (interpreter) return [interpreter, file, ...args];
  const first = text.subarray(0, 256).toString('utf8').split('\n')[0];
  const shebang = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/).filter(Boolean) : [];
  return [...(shebang.length ? shebang : ['/bin/sh']), file, ...args];
}

/** Writes the fixtures into the sandbox; the first one that cannot be written is returned as its index and reason. */
export async function writeFixtures(
  fixtures: ScriptFixture[],
  cwd: string,
  work: string,
  owner?: Owner,
): Promise<{ index: number; reason: Reason } | undefined> {
  for (let index = 0; index < fixtures.length; index++) {
    const f = fixtures[index];
    const spec = typeof f === 'string' ? { path: f, from: f } : f;
    const dest = insideSandbox(work, spec.path);
    if (!dest) return { index, reason: because('script.fixtureOutside', { path: spec.path }) };
    try {
      await mkdir(dirname(dest), { recursive: true });
      if ('content' in spec && spec.content !== undefined) await writeFile(dest, spec.content);
      else {
        const from = sourcePath(cwd, spec.from!);
        if (!from) return { index, reason: because('script.outsideWorkspace', { script: spec.from }) };
        await copyFile(from, dest);
      }
      if ('mode' in spec && spec.mode) await chmod(dest, parseInt(spec.mode, 8));
      if (owner) await chownUp(work, dest, owner);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      return { index, reason: because('script.fixtureFailed', { path: spec.path, error: code }) };
    }
  }
  return undefined;
}

/** Gives a written file and the folders made for it to the script's user. */
async function chownUp(work: string, dest: string, owner: Owner): Promise<void> {
  for (let p = dest; p.startsWith(work + sep); p = dirname(p)) await chown(p, owner.uid, owner.gid);
}

/** Copies the script into the sandbox's private `bin/` (the workspace is private to the agent's user). */
export async function installScript(bin: string, text: Buffer, owner?: Owner): Promise<string> {
  const file = join(bin, 'script');
  await writeFile(file, text, { mode: 0o700 });
  if (owner) await chown(file, owner.uid, owner.gid);
  return file;
}
