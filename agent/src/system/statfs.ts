import { statfs } from 'node:fs/promises';

/** Percent of a file system's space in use, rounded up as df(1) does: used / (used + available to users). */
export function usagePercent(s: { blocks: number; bfree: number; bavail: number }): number {
  const used = s.blocks - s.bfree;
  const total = used + s.bavail;
  return total === 0 ? 0 : Math.ceil((used * 100) / total);
}

/** The space used on the file system mounted at `path`, in percent. */
export async function mountUsage(path: string): Promise<number> {
  return usagePercent(await statfs(path));
}
