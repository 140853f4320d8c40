import { readFile } from 'node:fs/promises';
import { formatIp, hexBytes, type IpBytes } from './ip-address';

/** One route of the main table, as `ip route` shows it. */
export interface Route {
  family: 'ipv4' | 'ipv6';
  /** Network in CIDR form, canonical spelling: `192.168.20.0/24`, `0.0.0.0/0`, `fd00::/64`. */
  destination: string;
  /** The next hop; null for a directly connected network. */
  gateway: string | null;
  device: string;
  metric: number;
}

const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
const RTF_REJECT = 0x200;
/** IPv6 routes of the local table (the host's own addresses), which `ip -6 route` does not list. */
const RTF_LOCAL = 0x80000000;

/** Prefix length of a contiguous netmask. */
function prefixOf(mask: number[]): number {
  return mask.reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0);
}

/** /proc/net/route: IPv4 addresses are 32-bit words in host order, little-endian on the machines TSSR uses. */
export function parseRoute4(text: string): Route[] {
  const routes: Route[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const flags = parseInt(f[3], 16);
    if (!(flags & RTF_UP) || flags & RTF_REJECT) continue;
    const ip = (hex: string): IpBytes => ({ family: 'ipv4', bytes: hexBytes(hex).reverse() });
    const dest = ip(f[1]);
    routes.push({
      family: 'ipv4',
      destination: `${formatIp(dest)}/${prefixOf(ip(f[7]).bytes)}`,
      gateway: flags & RTF_GATEWAY ? formatIp(ip(f[2])) : null,
      device: f[0],
      metric: Number(f[6]),
    });
  }
  return routes;
}

/** /proc/net/ipv6_route: dest, dest prefix, source, source prefix, next hop, metric, refcnt, use, flags, device. */
export function parseRoute6(text: string): Route[] {
  const routes: Route[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const flags = parseInt(f[8], 16);
    // Unreachable markers (the `lo` reject routes) are no routes to assert.
    if (!(flags & RTF_UP) || flags & RTF_REJECT || flags & RTF_LOCAL) continue;
    const ip = (hex: string): IpBytes => ({ family: 'ipv6', bytes: hexBytes(hex) });
    const hop = ip(f[4]);
    routes.push({
      family: 'ipv6',
      destination: `${formatIp(ip(f[0]))}/${parseInt(f[1], 16)}`,
      gateway: flags & RTF_GATEWAY && hop.bytes.some((b) => b !== 0) ? formatIp(hop) : null,
      device: f[9],
      metric: parseInt(f[5], 16),
    });
  }
  return routes;
}

/** The main table of one family; a kernel without IPv6 has no ipv6_route, hence no IPv6 routes. */
export async function readRoutes(family: 'ipv4' | 'ipv6', procNet: string): Promise<Route[]> {
  if (family === 'ipv4') return parseRoute4(await readFile(`${procNet}/route`, 'utf8'));
  const text = await readFile(`${procNet}/ipv6_route`, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  return parseRoute6(text);
}
