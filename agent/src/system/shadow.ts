/** One /etc/shadow entry, as the user check asserts it. */
export interface ShadowEntry {
  name: string;
  /** The hash field as written (`!$6$…`, `*`, empty). */
  hash: string;
  minDays: number;
  maxDays: number;
  warnDays: number;
  /** Account expiry as YYYY-MM-DD, or null when it never expires. */
  expires: string | null;
  line: number;
}

/** A day count field; empty means unset (-1, as chage prints "never"). */
const days = (field: string | undefined): number => (field && /^\d+$/.test(field) ? Number(field) : -1);

/** Parses shadow-format text; malformed and comment lines are skipped. */
export function parseShadow(text: string): ShadowEntry[] {
  return text.split('\n').flatMap((l, i) => {
    const f = l.split(':');
    if (f.length < 8 || l.startsWith('#')) return [];
    const expireDays = days(f[7]);
    const expires = expireDays < 0 ? null : new Date(expireDays * 86_400_000).toISOString().slice(0, 10);
    return [{ name: f[0], hash: f[1], minDays: days(f[3]), maxDays: days(f[4]), warnDays: days(f[5]), expires, line: i + 1 }];
  });
}

/** Whether the password is locked: `passwd -l` prefixes the hash with `!`; `*` (system accounts) allows no password login. */
export function isLocked(hash: string): boolean {
  return hash.startsWith('!') || hash.startsWith('*');
}

const PREFIXES: Array<[string, string]> = [
  ['$y$', 'yescrypt'],
  ['$gy$', 'gost-yescrypt'],
  ['$7$', 'scrypt'],
  ['$6$', 'sha512'],
  ['$5$', 'sha256'],
  ['$1$', 'md5'],
  ['$2a$', 'bcrypt'],
  ['$2b$', 'bcrypt'],
  ['$2y$', 'bcrypt'],
];

/**
 * The hash algorithm from its crypt(5) prefix; a locked hash (`!$y$…`) keeps its algorithm. `none` for an empty field
 * (no password), `locked` when no hash is left (`*`, `!`), `des` for the 13-character legacy form.
 */
export function hashAlgorithm(hash: string): string {
  const bare = hash.replace(/^!+/, '');
  if (hash === '') return 'none';
  const known = PREFIXES.find(([prefix]) => bare.startsWith(prefix));
  if (known) return known[1];
  if (/^[./0-9A-Za-z]{13}$/.test(bare)) return 'des';
  return bare === '' || bare === '*' || hash.startsWith('*') ? 'locked' : 'unknown';
}
