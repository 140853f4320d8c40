import { createServer } from 'node:net';
import { spawn } from 'node:child_process';

/**
 * A TCP port on 127.0.0.1 of the root namespace that leads to HOST:PORT inside a network namespace.
 * Node cannot pick a namespace for a socket, so the parent listens here and hands the listening socket over IPC
 * to a child started with `ip netns exec NS`: connections accepted on loopback are dialled from inside NS.
 * No route leaves this machine: the far end exists only in NS, and the near end is loopback.
 */
export interface Forward {
  port: number;
  close(): void;
}

// The child's whole program, given to `node -e`: this module is bundled into the CLI, so it has no file of its own to run.
const CHILD = `
const { connect } = require('node:net');
const host = process.argv[1], port = Number(process.argv[2]);
process.on('message', (m, server) => {
  if (m !== 'server' || !server) return;
  server.on('connection', (down) => {
    const up = connect(port, host);
    down.pipe(up).pipe(down);
    down.on('error', () => up.destroy()); up.on('error', () => down.destroy());
    down.on('close', () => up.destroy()); up.on('close', () => down.destroy());
  });
  process.send('ready');
});
process.on('disconnect', () => process.exit(0));
`;

/** Starts the forwarder; resolves once the child accepts connections. */
export async function forwardIntoNetns(netns: string, host: string, port: number): Promise<Forward> {
  const server = createServer();
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res());
  });
  const local = (server.address() as { port: number }).port;
  const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', CHILD, host, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    await new Promise<void>((res, rej) => {
      child.once('error', rej);
      child.once('exit', (code) => rej(new Error(`netns forwarder into ${netns} exited (${code})`)));
      child.once('message', (m) => (m === 'ready' ? res() : rej(new Error(`netns forwarder: ${String(m)}`))));
      child.send('server', server);
    });
  } catch (e) {
    child.kill();
    throw e;
  } finally {
    server.close(); // from now on only the child accepts
  }
  child.removeAllListeners('exit');
  return {
    port: local,
    close: () => {
      child.kill();
    },
  };
}
