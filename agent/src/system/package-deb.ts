/**
 * Parses the dpkg status database once into installed versions per package name.
 * One pass over the lines: a stanza ends at a blank line; only `Package`, `Status` and `Version` are kept.
 */
export function parseDpkgStatus(text: string): Map<string, string[]> {
  const installed = new Map<string, string[]>();
  let name = '';
  let status = '';
  let version = '';
  const flush = (): void => {
    if (name && version && status.endsWith(' installed')) {
      const list = installed.get(name);
      if (list) list.push(version);
      else installed.set(name, [version]);
    }
    name = status = version = '';
  };
  // Fields are tested in place and only the three kept values are sliced: the other ~30 lines of a stanza cost no
  // string each (the status file is about 1 MB, so this is most of the allocation of a package check).
  const field = (start: number, end: number, key: string): string | undefined =>
    text.startsWith(key, start) ? text.slice(start + key.length, end) : undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end === start) flush();
    else if (text.charCodeAt(start) === 0x50 /* P */) name = field(start, end, 'Package: ') ?? name;
    else if (text.charCodeAt(start) === 0x53 /* S */) status = field(start, end, 'Status: ') ?? status;
    else if (text.charCodeAt(start) === 0x56 /* V */) version = field(start, end, 'Version: ') ?? version;
    start = end + 1;
  }
  flush();
  return installed;
}
