/** One LDAP entry: its DN and attribute values, keyed by lower-case attribute name (LDAP names ignore case). */
export interface LdapEntry {
  dn: string;
  attributes: Record<string, string[]>;
}

/** Joins folded lines (RFC 2849: a line starting with one space continues the previous one) and drops comments. */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith(' ') && lines.length && lines[lines.length - 1] !== '') lines[lines.length - 1] += raw.slice(1);
    else if (!raw.startsWith('#')) lines.push(raw);
  }
  return lines;
}

/** Parses LDIF as `ldapsearch -LLL` prints it: `name: value`, `name:: base64`, folded lines, blank-line separated. */
export function parseLdif(text: string): LdapEntry[] {
  const entries: LdapEntry[] = [];
  let current: LdapEntry | undefined;
  for (const line of unfold(text)) {
    if (line === '') {
      current = undefined;
      continue;
    }
    const m = /^([A-Za-z0-9;.-]+)(::?|:<)\s?(.*)$/.exec(line);
    if (!m) continue;
    const [, name, sep, raw] = m;
    const value = sep === '::' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    if (name.toLowerCase() === 'dn') {
      current = { dn: value, attributes: {} };
      entries.push(current);
    } else if (current) {
      (current.attributes[name.toLowerCase()] ??= []).push(value);
    }
  }
  return entries;
}

/** Escapes a value for an LDAP filter (RFC 4515): `*`, `(`, `)`, `\` and NUL become `\xx`. */
export function escapeFilter(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A DN in a comparable form: lower case, no blanks around separators. */
export function normalizeDn(dn: string): string {
  return dn
    .split(',')
    .map((rdn) =>
      rdn
        .split('=')
        .map((p) => p.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();
}
