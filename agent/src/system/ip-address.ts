/** An IP address as bytes (4 for IPv4, 16 for IPv6). */
export interface IpBytes {
  family: 'ipv4' | 'ipv6';
  bytes: number[];
}

/** Parses a dotted IPv4 address; undefined when it is not one. */
function parse4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** Parses an IPv6 address (any spelling the WHATWG URL parser accepts: `::`, leading zeros, an IPv4 tail). */
function parse6(text: string): number[] | undefined {
  let canonical: string;
  // The URL parser is the standard's own IPv6 canonicaliser, and ships with every Node.
  try {
    canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head, tail] = canonical.includes('::') ? canonical.split('::') : [canonical, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** An address's bytes, or undefined when the text is no IP address. */
export function parseIp(text: string): IpBytes | undefined {
  const v4 = parse4(text);
  if (v4) return { family: 'ipv4', bytes: v4 };
  const v6 = text.includes(':') ? parse6(text) : undefined;
  return v6 ? { family: 'ipv6', bytes: v6 } : undefined;
}

/** The usual spelling of an address: dotted IPv4, compressed lower-case IPv6 (RFC 5952, as `ip` prints it). */
export function formatIp(ip: IpBytes): string {
  if (ip.family === 'ipv4') return ip.bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] << 8) | ip.bytes[i + 1]).toString(16));
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

/** Clears the host bits past `prefix`, giving the network address. */
export function maskIp(ip: IpBytes, prefix: number): IpBytes {
  return {
    family: ip.family,
    bytes: ip.bytes.map((b, i) => {
      const keep = Math.max(0, Math.min(8, prefix - i * 8));
      return b & ((0xff << (8 - keep)) & 0xff);
    }),
  };
}

/** Bytes from a hex text, in the order written (as /proc/net/ipv6_route prints addresses). */
export function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}
