import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { readBounded } from './read-bounded';

/** One setting as written in a configuration file: its key (with its context path), value and place. */
export interface ConfigEntry {
  key: string;
  value: string;
  path: string;
  line: number;
}

/** How the walkers read files: a real file system, or a table in unit tests. */
export interface FileSource {
  /** The text of a regular file, or null when it cannot be read. */
  read(path: string): Promise<string | null>;
  /** The names in a folder, or null when it is no folder. */
  list(dir: string): Promise<string[] | null>;
}

/** Largest configuration file read; a bigger one is read up to this size. */
const MAX_CONFIG = 1024 * 1024;

/** A configuration file's text, or why it cannot be read (an errno code such as EACCES, or its file type). */
export async function readConfigText(path: string, signal: AbortSignal): Promise<{ text: string } | { error: string }> {
  const r = await readBounded(path, MAX_CONFIG, signal);
  if (r.kind === 'text') return { text: r.text };
  return { error: r.kind === 'failed' ? r.error : r.kind === 'notRegular' ? r.filetype : 'aborted' };
}

/** The target's files, each read bounded (a FIFO or device named by a pack never blocks the agent). */
export function diskSource(signal: AbortSignal): FileSource {
  return {
    read: async (path) => {
      const r = await readConfigText(path, signal);
      return 'text' in r ? r.text : null;
    },
    list: (dir) =>
      readdir(dir).then(
        (names) => names,
        () => null,
      ),
  };
}

/** A glob of one path segment (`*`, `?`) as a regular expression; dot files are matched only by a leading dot. */
function segment(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${glob.startsWith('.') ? '' : '(?!\\.)'}${body}$`);
}

/**
 * The files an `Include` names, sorted as glob(3) sorts them: a relative pattern is taken from `base`, a wildcard
 * is allowed in the last segment, and a folder stands for every file in it (Apache's rule).
 */
export async function expandInclude(pattern: string, base: string, files: FileSource): Promise<string[]> {
  const full = isAbsolute(pattern) ? pattern : join(base, pattern);
  if (!/[*?]/.test(full)) {
    const names = await files.list(full);
    return names ? names.sort().map((n) => join(full, n)) : [full];
  }
  const re = segment(basename(full));
  const names = (await files.list(dirname(full))) ?? [];
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => join(dirname(full), n));
}

/** Splits text into lines, joining those continued with a trailing backslash; each keeps its first line number. */
export function logicalLines(text: string, continued: boolean): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let t = raw[i].replace(/\r$/, '');
    while (continued && t.endsWith('\\') && i + 1 < raw.length) t = t.slice(0, -1) + raw[++i].replace(/\r$/, '');
    out.push({ text: t, line });
  }
  return out;
}

/** Removes one pair of matching surrounding quotes. */
export function unquote(v: string): string {
  return /^(["']).*\1$/s.test(v) && v.length >= 2 ? v.slice(1, -1) : v;
}

/** `[section] key = value` files (php.ini, smb.conf, zabbix…): keys are `section.key`, or `key` before any section. */
export function parseIni(text: string, path: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  let section = '';
  for (const { text: raw, line } of logicalLines(text, false)) {
    const t = raw.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    const head = /^\[([^\]]*)\]/.exec(t);
    if (head) {
      section = head[1].trim();
      continue;
    }
    const eq = t.indexOf('=');
    const key = (eq < 0 ? t : t.slice(0, eq)).trim();
    const value = eq < 0 ? '' : unquote(t.slice(eq + 1).trim());
    out.push({ key: section ? `${section}.${key}` : key, value, path, line });
  }
  return out;
}

/** `key=value` or `key value` files (/etc/default/*, login.defs, sysctl.conf, zabbix_agentd.conf). */
export function parseKeyValue(text: string, path: string): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const { text: raw, line } of logicalLines(text, false)) {
    const t = raw.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    const m = /^(?:export\s+)?([^\s=]+)\s*(?:=\s*|\s+|$)(.*)$/.exec(t);
    if (m) out.push({ key: m[1], value: unquote(m[2].trim()), path, line });
  }
  return out;
}
