import { readFile } from 'node:fs/promises';

/** A socket in LISTEN state (tcp) or bound (udp), as /proc/net shows it. */
export interface Listener {
  protocol: 'tcp' | 'udp';
  ip: string;
  port: number;
}

const TCP_LISTEN = '0A';
const UDP_UNCONNECTED = '07';

function ipv4(hex: string): string {
  const n = hex
    .match(/../g)!
    .reverse()
    .map((b) => parseInt(b, 16));
  return n.join('.');
}

function ipv6(hex: string): string {
  // /proc stores four 32-bit words, each in host (little-endian) byte order.
  const words = hex.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''));
  const groups = words
    .join('')
    .match(/.{4}/g)!
    .map((g) => parseInt(g, 16).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}

/** Parses one /proc/net/{tcp,udp}{,6} table. */
export function parseProcNet(text: string, protocol: 'tcp' | 'udp', v6: boolean): Listener[] {
  const wanted = protocol === 'tcp' ? TCP_LISTEN : UDP_UNCONNECTED;
  const out: Listener[] = [];
  // Rows look like `  12: 0100007F:1F90 00000000:0000 0A ...`. A busy host lists thousands of connections
  // (TIME_WAIT included): the state is found without splitting the whole row, which is kept for the few listeners.
  const marker = ` ${wanted} `;
  for (const row of text.split('\n').slice(1)) {
    if (!row.includes(marker)) continue;
    const f = row.trim().split(/\s+/);
    if (f.length < 4 || f[3] !== wanted) continue;
    const [addr, port] = f[1].split(':');
    out.push({ protocol, ip: v6 ? ipv6(addr) : ipv4(addr), port: parseInt(port, 16) });
  }
  return out;
}

/**
 * All listeners of a protocol, IPv4 and IPv6, from this process's network namespace. The two tables are read at once,
 * off the main thread: the kernel walks its whole connection hash to print each one (milliseconds on a large host).
 */
export async function listeners(protocol: 'tcp' | 'udp', root = '/proc/net'): Promise<Listener[]> {
  const tables = await Promise.all([false, true].map((v6) => readFile(`${root}/${protocol}${v6 ? '6' : ''}`, 'utf8').catch(() => '')));
  return tables.flatMap((text, i) => parseProcNet(text, protocol, i === 1));
}
