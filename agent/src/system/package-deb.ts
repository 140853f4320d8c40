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
      if (list) list.push(version); else installed.set(name, [version]);
    }
    name = status = version = '';
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line === '') flush();
    else if (line.startsWith('Package: ')) name = line.slice(9);
    else if (line.startsWith('Status: ')) status = line.slice(8);
    else if (line.startsWith('Version: ')) version = line.slice(9);
    start = end + 1;
  }
  flush();
  return installed;
}
