/** Whether host:port answered: `open`, `closed` (refused, unreachable, unknown host: `error` says which) or `silent`. */
export type Reach = { kind: 'open' } | { kind: 'closed'; error: string } | { kind: 'silent' } | { kind: 'aborted' };

/** A TCP connection attempt bounded by `windowMs`; `silent` when nothing answered in time (filtered). */
function reachTcp(host: string, port: number, windowMs: number, signal: AbortSignal): Promise<Reach> {
  const net = require('node:net') as typeof import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (r: Reach): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(r);
    };
    const onAbort = (): void => done({ kind: 'aborted' });
    const timer = setTimeout(() => done({ kind: 'silent' }), windowMs);
    signal.addEventListener('abort', onAbort);
    socket.once('connect', () => done({ kind: 'open' }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ kind: 'closed', error: e.code ?? e.message }));
  });
}

/**
 * UDP has no handshake: an empty datagram goes out on a connected socket, and the kernel turns an ICMP
 * "port unreachable" into ECONNREFUSED on it. A reply, or silence for the whole window, counts as reachable.
 */
async function reachUdp(host: string, port: number, windowMs: number, signal: AbortSignal): Promise<Reach> {
  let address: { address: string; family: number };
  // Loaded on first use, as every network module here: runs without an addr check never load them.
  const { lookup } = require('node:dns/promises') as typeof import('node:dns/promises');
  try {
    address = await lookup(host);
  } catch (e) {
    return { kind: 'closed', error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  const dgram = require('node:dgram') as typeof import('node:dgram');
  return new Promise((resolve) => {
    const socket = dgram.createSocket(address.family === 6 ? 'udp6' : 'udp4');
    let settled = false;
    const done = (r: Reach): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        /* already closed */
      }
      resolve(r);
    };
    const onAbort = (): void => done({ kind: 'aborted' });
    const timer = setTimeout(() => done({ kind: 'silent' }), windowMs);
    signal.addEventListener('abort', onAbort);
    socket.on('error', (e: NodeJS.ErrnoException) => done({ kind: 'closed', error: e.code ?? e.message }));
    socket.on('message', () => done({ kind: 'open' }));
    socket.connect(port, address.address, () =>
      socket.send(Buffer.alloc(0), (e) => {
        if (e) done({ kind: 'closed', error: (e as NodeJS.ErrnoException).code ?? e.message });
      }),
    );
  });
}

/** Probes host:port over tcp or udp within `windowMs`; never rejects. */
export function reach(protocol: 'tcp' | 'udp', host: string, port: number, windowMs: number, signal: AbortSignal): Promise<Reach> {
  return protocol === 'tcp' ? reachTcp(host, port, windowMs, signal) : reachUdp(host, port, windowMs, signal);
}
