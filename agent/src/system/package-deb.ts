import { readFile } from 'node:fs/promises';

/** Installed package versions read from the dpkg status database, or null without dpkg. */
export async function debInstalled(name: string, statusFile = '/var/lib/dpkg/status'): Promise<string[] | null> {
  let text: string;
  try {
    text = await readFile(statusFile, 'utf8');
  } catch {
    return null;
  }
  const versions: string[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    const field = (k: string): string | undefined => stanza.match(new RegExp(`^${k}: (.*)$`, 'm'))?.[1];
    if (field('Package') !== name) continue;
    if (!/ installed$/.test(field('Status') ?? '')) continue;
    const v = field('Version');
    if (v) versions.push(v);
  }
  return versions;
}
