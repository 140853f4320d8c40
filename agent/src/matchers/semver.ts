/** Version ranges for `semver:` (npm-style comparators), applied to Debian and upstream version strings. */

/** Numeric parts of a version: Debian's epoch (`1:`) and revision (`-2+deb12u1`) are dropped. */
export function versionParts(v: string): number[] {
  const upstream = v
    .trim()
    .replace(/^v/, '')
    .replace(/^\d+:/, '')
    .replace(/-[^-]*$/, '');
  return upstream
    .split(/[.+~]/)
    .map((p) => parseInt(p, 10))
    .filter((n) => !Number.isNaN(n));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** One comparator (`>=1.18`, `^2.4`, `~1.2.3`, `1.x`, `=3`) against a version. */
function test(version: number[], comparator: string): boolean {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([\dx*]+(?:\.[\dx*]+)*)$/.exec(comparator);
  if (!m) return false;
  const op = m[1] ?? '=';
  const raw = m[2].split('.');
  const wild = raw.findIndex((p) => p === 'x' || p === '*');
  const want = (wild === -1 ? raw : raw.slice(0, wild)).map(Number);
  const c = compare(version, want);
  const prefixEq = want.every((n, i) => (version[i] ?? 0) === n);
  switch (op) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0 || prefixEq;
    case '>':
      return c > 0 && !(wild !== -1 && prefixEq);
    case '<':
      return c < 0;
    case '^': {
      const lead = want.findIndex((n) => n !== 0);
      const fixed = lead === -1 ? want.length : lead + 1;
      return c >= 0 && want.slice(0, fixed).every((n, i) => (version[i] ?? 0) === n);
    }
    case '~':
      return c >= 0 && want.slice(0, Math.max(1, want.length - 1)).every((n, i) => (version[i] ?? 0) === n);
    default:
      return wild !== -1 || raw.length < 3 ? prefixEq : c === 0;
  }
}

/** True when the version satisfies the range: space-separated comparators all hold, `||` separates alternatives. */
export function satisfies(version: string, range: string): boolean {
  const v = versionParts(version);
  if (!v.length) return false;
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => test(v, c)),
  );
}
