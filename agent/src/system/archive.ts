import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_OUTPUT } from '../limits';
import { cleanEnv, spawnCaptured } from '../sandbox/spawn-as';

/** The kinds of archives read: any tar (tar itself detects gzip, zstd, xz…), or zip. */
export type ArchiveKind = 'tar' | 'zip';

/** Bytes of an archive's listing kept: about 200,000 names. */
export const MAX_LISTING = 16 * MAX_OUTPUT;

/** A listing, or why the archive could not be read. */
export type Listing = { kind: 'ok'; entries: string[]; truncated: boolean } | { kind: 'failed'; tool: string; detail: string; missingTool: boolean };

/** Whether a path's last part holds glob characters. */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(basename(path));
}

/** A shell-style glob on one name (`*`, `?`, `[abc]`) as a regular expression. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      const body = glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The archive a check names: the path itself, or the newest regular file matching the glob in its last part. */
export async function newestMatch(path: string): Promise<{ path: string; mtimeMs: number } | undefined> {
  if (!isGlob(path)) {
    const st = await stat(path).catch(() => null);
    return st?.isFile() ? { path, mtimeMs: st.mtimeMs } : undefined;
  }
  const dir = dirname(path);
  const re = globRegExp(basename(path));
  let best: { path: string; mtimeMs: number } | undefined;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!re.test(name)) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st?.isFile() && (!best || st.mtimeMs > best.mtimeMs)) best = { path: join(dir, name), mtimeMs: st.mtimeMs };
  }
  return best;
}

/** zip by its magic number (PK\3\4, or PK\5\6 when empty); any other file is handed to tar. */
export async function archiveKind(path: string): Promise<ArchiveKind> {
  const fd = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5) ? 'zip' : 'tar';
  } finally {
    await fd.close();
  }
}

async function tool(
  argv: string[],
  cwd: string,
  signal: AbortSignal,
  cap = MAX_OUTPUT,
): Promise<{ ok: true; stdout: string; truncated: boolean } | { ok: false; detail: string; missingTool: boolean }> {
  try {
    const r = await spawnCaptured({ argv, cwd, env: cleanEnv(cwd), signal, cap });
    if (r.code === 0) return { ok: true, stdout: r.stdout, truncated: r.truncated.stdout };
    return { ok: false, detail: r.stderr.trim().split('\n')[0] || `exit ${r.code ?? r.signal}`, missingTool: false };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, detail: code ?? (e as Error).message, missingTool: code === 'ENOENT' };
  }
}

/** The archive's entry names, from `tar -tf` or `unzip -Z1`. */
export async function listArchive(path: string, kind: ArchiveKind, signal: AbortSignal): Promise<Listing> {
  const argv = kind === 'zip' ? ['unzip', '-Z1', path] : ['tar', '-tf', path];
  const r = await tool(argv, '/', signal, MAX_LISTING);
  if (!r.ok) return { kind: 'failed', tool: argv[0], detail: r.detail, missingTool: r.missingTool };
  return { kind: 'ok', entries: r.stdout.split('\n').filter(Boolean), truncated: r.truncated };
}

/** Restores the archive into `dir` with its permissions (tar `-p`; unzip keeps the modes it stored). */
export async function extractArchive(
  path: string,
  kind: ArchiveKind,
  dir: string,
  signal: AbortSignal,
): Promise<{ ok: true } | { ok: false; tool: string; detail: string; missingTool: boolean }> {
  const argv = kind === 'zip' ? ['unzip', '-q', '-o', path, '-d', dir] : ['tar', '-xpf', path, '-C', dir, '--no-same-owner'];
  const r = await tool(argv, dir, signal);
  return r.ok ? { ok: true } : { ok: false, tool: argv[0], detail: r.detail, missingTool: r.missingTool };
}

/** An entry name as the checks compare it: no leading `/` or `./`, no trailing `/`. */
export function normaliseEntry(name: string): string {
  return name.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}
