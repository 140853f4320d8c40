import { childProcess } from '../lazy';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';

/** What the kernel says of one network interface; `addrs` in CIDR form, IPv4 then IPv6. */
export type InterfaceFacts =
  { kind: 'missing' } | { kind: 'found'; state: 'up' | 'down'; carrier: boolean; mtu: number; mac: string; addrs: string[] | { error: string } };

const IFF_UP = 0x1;

/** Reads one attribute file of /sys/class/net/<name>; undefined when the kernel refuses (carrier of a down link). */
async function attr(dir: string, file: string): Promise<string | undefined> {
  try {
    return (await readFile(`${dir}/${file}`, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/**
 * Addresses of an interface that is up with a carrier, from getifaddrs (os.networkInterfaces): libuv lists
 * only those, so any other interface is asked of `ip -j addr` instead. Labelled IPv4 aliases (`eth0:1`) belong to eth0.
 */
function upAddrs(name: string): string[] {
  const all = networkInterfaces();
  const own = Object.entries(all)
    .filter(([n]) => n === name || n.startsWith(`${name}:`))
    .flatMap(([, list]) => list ?? []);
  return own
    .filter((a) => a.cidr)
    .sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1))
    .map((a) => a.cidr as string);
}

/** Addresses from `ip -j addr show dev NAME` (iproute2's JSON output): complete, whatever the link state. */
function ipAddrs(name: string, signal: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      'ip',
      ['-j', 'addr', 'show', 'dev', name],
      { signal, timeout: 5000, maxBuffer: 256 * 1024, killSignal: 'SIGKILL' },
      (error, stdout) => {
        if (error) {
          reject(error);
          return;
        }
        try {
          const links = JSON.parse(stdout) as Array<{ addr_info?: Array<{ family: string; local: string; prefixlen: number }> }>;
          const info = links.flatMap((l) => l.addr_info ?? []);
          resolve([...info.filter((a) => a.family === 'inet'), ...info.filter((a) => a.family === 'inet6')].map((a) => `${a.local}/${a.prefixlen}`));
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}

/** Reads an interface from sysfs (`sysNet` is /sys/class/net); its addresses as described on upAddrs. */
export async function readInterface(name: string, signal: AbortSignal, sysNet = '/sys/class/net'): Promise<InterfaceFacts> {
  // A name is one path component: `..` or a slash would read outside /sys/class/net.
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return { kind: 'missing' };
  const dir = `${sysNet}/${name}`;
  const flags = await attr(dir, 'flags');
  if (flags === undefined) return { kind: 'missing' };
  const state = parseInt(flags, 16) & IFF_UP ? 'up' : 'down';
  const carrier = state === 'up' && (await attr(dir, 'carrier')) === '1';
  const mtu = Number(await attr(dir, 'mtu'));
  const mac = (await attr(dir, 'address')) ?? '';
  let addrs: string[] | { error: string };
  if (state === 'up' && carrier) addrs = upAddrs(name);
  else {
    try {
      addrs = await ipAddrs(name, signal);
    } catch (e) {
      addrs = { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
    }
  }
  return { kind: 'found', state, carrier, mtu, mac, addrs };
}
