import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A free port on 127.0.0.1 (the kernel's choice, released at once for a daemon to bind). */
export async function freePort(protocol: 'tcp' | 'udp'): Promise<number> {
  if (protocol === 'udp') {
    const s = createSocket('udp4');
    await new Promise<void>((res) => s.bind(0, '127.0.0.1', () => res()));
    const port = s.address().port;
    s.close();
    return port;
  }
  const server = createServer();
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as { port: number }).port;
  await new Promise((res) => server.close(res));
  return port;
}

/** A daemon started in the foreground by a test; `stop()` kills it and waits for its exit. */
export interface Daemon {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a foreground daemon (argv, no shell), keeping its output for failure messages. */
export function startDaemon(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Daemon {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => {
    out = (out + d).slice(-20_000);
  });
  child.stderr!.on('data', (d) => {
    out = (out + d).slice(-20_000);
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resolves once the daemon's output matches `ready` (its own "ready" line); rejects if it exits first or by the deadline. */
export function waitForOutput(d: Daemon, ready: RegExp, what: string, deadlineMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (ready.test(d.output())) finish();
    };
    const onExit = (): void => finish(new Error(`${what} exited (${d.child.exitCode}):\n${d.output()}`));
    const timer = setTimeout(() => finish(new Error(`${what} not ready after ${deadlineMs} ms:\n${d.output()}`)), deadlineMs);
    function finish(e?: Error): void {
      clearTimeout(timer);
      d.child.stdout!.off('data', check);
      d.child.stderr!.off('data', check);
      d.child.off('exit', onExit);
      if (e) reject(e);
      else resolve();
    }
    d.child.stdout!.on('data', check);
    d.child.stderr!.on('data', check);
    d.child.once('exit', onExit);
    check();
  });
}
