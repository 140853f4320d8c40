import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One `Host` alias of ~/.ssh/config, with what the editor needs to reach it. */
export interface SshAlias {
  alias: string;
  hostName: string;
  user?: string;
  port: number;
  identityFile?: string;
}

function expandHome(path: string, home: string): string {
  return path.replace(/^~(?=\/|$)/, home).replace(/%d/g, home);
}

/**
 * The concrete aliases of an ssh_config text: `Host` patterns without wildcards or negation, in file order, with the
 * first value of each keyword (OpenSSH keeps the first one it meets). `Match` blocks and `Include` are not followed.
 */
export function parseSshConfig(text: string, home = homedir()): SshAlias[] {
  const found: SshAlias[] = [];
  let current: SshAlias[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.+)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim().replace(/^"(.*)"$/, '$1');
    if (key === 'host' || key === 'match') {
      current =
        key === 'host'
          ? value
              .split(/\s+/)
              .filter((a) => !/[*?!]/.test(a))
              .map((alias) => ({ alias, hostName: alias, port: 22 }))
          : [];
      found.push(...current);
      continue;
    }
    for (const a of current) {
      if (key === 'hostname' && a.hostName === a.alias) a.hostName = value.replace(/%h/g, a.alias);
      else if (key === 'user' && !a.user) a.user = value;
      else if (key === 'port' && a.port === 22 && /^\d{1,5}$/.test(value)) a.port = Number(value);
      else if (key === 'identityfile' && !a.identityFile) a.identityFile = expandHome(value, home);
    }
  }
  const seen = new Set<string>();
  return found.filter((a) => !seen.has(a.alias) && seen.add(a.alias));
}

/** The aliases of the user's ~/.ssh/config; none when it is absent or unreadable. */
export function readSshAliases(file = join(homedir(), '.ssh', 'config')): SshAlias[] {
  try {
    return parseSshConfig(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
