import { dirname, isAbsolute, join } from 'node:path';
import { expandInclude, logicalLines, unquote, type ConfigEntry, type FileSource } from './config-files';

/** Includes nested deeper than this are a loop: the walk stops there. */
const MAX_DEPTH = 16;

/**
 * sshd_config and the files it includes, in the order sshd reads them, keys lowercased as `sshd -T` prints them.
 * Settings inside `Match` blocks are left out: they are not the effective global value.
 */
export async function walkSshd(main: string, files: FileSource): Promise<ConfigEntry[]> {
  const out: ConfigEntry[] = [];
  let inMatch = false;
  const walk = async (path: string, depth: number): Promise<void> => {
    const text = depth > MAX_DEPTH ? null : await files.read(path);
    if (text === null) return;
    for (const { text: raw, line } of logicalLines(text, false)) {
      const m = /^\s*([A-Za-z][A-Za-z0-9]*)(?:\s*=\s*|\s+)(.*?)\s*$/.exec(raw);
      if (!m || raw.trim().startsWith('#')) continue;
      const key = m[1].toLowerCase();
      if (key === 'match') {
        inMatch = m[2].trim().toLowerCase() !== 'all';
        continue;
      }
      if (key === 'include') {
        // sshd takes relative Include paths from /etc/ssh, whatever file holds the Include.
        for (const pattern of m[2].split(/\s+/).filter(Boolean)) {
          for (const f of await expandInclude(unquote(pattern), '/etc/ssh', files)) await walk(f, depth + 1);
        }
        continue;
      }
      if (!inMatch) out.push({ key, value: unquote(m[2]), path, line });
    }
  };
  await walk(main, 0);
  return out;
}

/**
 * Apache directives through `Include`/`IncludeOptional`, keyed by their section path (`VirtualHost.DocumentRoot`);
 * relative includes are taken from ServerRoot (by default the main file's folder).
 */
export async function walkApache(main: string, files: FileSource): Promise<ConfigEntry[]> {
  const out: ConfigEntry[] = [];
  const sections: string[] = [];
  let serverRoot = dirname(main);
  const walk = async (path: string, depth: number): Promise<void> => {
    const text = depth > MAX_DEPTH ? null : await files.read(path);
    if (text === null) return;
    for (const { text: raw, line } of logicalLines(text, true)) {
      const t = raw.trim();
      if (!t || t.startsWith('#')) continue;
      const close = /^<\/\s*([^\s>]+)\s*>/.exec(t);
      if (close) {
        sections.pop();
        continue;
      }
      const open = /^<\s*([^\s>]+)\s*([^>]*)>/.exec(t);
      if (open) {
        sections.push(open[1]);
        continue;
      }
      const m = /^(\S+)\s*(.*)$/.exec(t)!;
      const name = m[1];
      const value = m[2].trim();
      if (/^include(optional)?$/i.test(name)) {
        for (const f of await expandInclude(unquote(value), serverRoot, files)) await walk(f, depth + 1);
        continue;
      }
      if (/^serverroot$/i.test(name)) serverRoot = unquote(value);
      out.push({ key: [...sections, name].join('.'), value, path, line });
    }
  };
  await walk(main, 0);
  return out;
}

/** One nginx token with the line it starts on. */
interface Token {
  text: string;
  line: number;
  quoted: boolean;
}

/** nginx's lexer: words, quoted strings, `;`, `{`, `}`, and `#` comments to the end of the line. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '{' || c === '}') {
      out.push({ text: c, line, quoted: false });
      i++;
      continue;
    }
    const start = line;
    let word = '';
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') line++;
        word += text[i++];
      }
      i++;
      out.push({ text: word, line: start, quoted: true });
      continue;
    }
    while (i < text.length && !/[\s;{}]/.test(text[i])) word += text[i++];
    out.push({ text: word, line: start, quoted: false });
  }
  return out;
}

/** The files of an `nginx -T` dump by path, in dump order (the first is the main file). */
export function splitNginxDump(dump: string): Map<string, string> {
  const files = new Map<string, string>();
  const parts = dump.split(/^# configuration file (.+):\n/m);
  for (let i = 1; i + 1 < parts.length; i += 2) files.set(parts[i], parts[i + 1]);
  return files;
}

/**
 * nginx directives from an `nginx -T` dump, keyed by block path (`http.server.listen`), each at its file and
 * line; `include` is followed into the dumped files so a directive keeps the blocks around the include.
 */
export function parseNginxDump(dump: string): ConfigEntry[] {
  const files = splitNginxDump(dump);
  const main = [...files.keys()][0];
  if (main === undefined) return [];
  const prefix = dirname(main);
  const out: ConfigEntry[] = [];
  const walk = (path: string, blocks: string[], depth: number): void => {
    const text = files.get(path);
    if (text === undefined || depth > MAX_DEPTH) return;
    let words: Token[] = [];
    for (const t of tokens(text)) {
      if (t.quoted || !';{}'.includes(t.text)) {
        words.push(t);
        continue;
      }
      const [name, ...args] = words;
      words = [];
      if (t.text === '}') {
        blocks.pop();
        continue;
      }
      if (!name) continue;
      if (t.text === '{') {
        blocks.push(name.text);
        continue;
      }
      if (name.text === 'include' && args[0]) {
        const pattern = isAbsolute(args[0].text) ? args[0].text : join(prefix, args[0].text);
        const re = new RegExp(
          `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]')}$`,
        );
        for (const f of [...files.keys()].filter((k) => re.test(k)).sort()) walk(f, blocks, depth + 1);
        continue;
      }
      out.push({ key: [...blocks, name.text].join('.'), value: args.map((a) => a.text).join(' '), path, line: name.line });
    }
  };
  walk(main, [], 0);
  return out;
}
