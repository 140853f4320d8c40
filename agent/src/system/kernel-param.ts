import { readFileSync } from 'node:fs';

/** A kernel parameter's value, its absence on this kernel, or why it cannot be read (an errno code, or BAD_KEY). */
export type KernelParam = { kind: 'value'; value: string } | { kind: 'missing' } | { kind: 'failed'; error: string };

/**
 * The /proc/sys path of a sysctl key: dots separate names, a slash stands for a dot inside a name (`eth0/100`).
 * Returns undefined for a key that could leave /proc/sys (empty or dot-only names).
 */
export function kernelParamPath(key: string, root = '/proc/sys'): string | undefined {
  const names = key.split('.').map((n) => n.replaceAll('/', '.'));
  if (names.some((n) => n === '' || /^\.+$/.test(n))) return undefined;
  return `${root}/${names.join('/')}`;
}

/** Normalises a value as `sysctl -n` compares: trimmed, runs of blanks as one space. */
export function normaliseParam(value: string): string {
  return value.trim().split(/\s+/).join(' ');
}

/** Reads one kernel parameter from /proc/sys (synchronously: the kernel formats it from memory). */
export async function readKernelParam(key: string, root = '/proc/sys'): Promise<KernelParam> {
  const path = kernelParamPath(key, root);
  if (!path) return { kind: 'failed', error: 'BAD_KEY' };
  try {
    return { kind: 'value', value: normaliseParam(readFileSync(path, 'utf8')) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'failed', error: code ?? (e as Error).message };
  }
}
