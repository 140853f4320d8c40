import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TransportError } from './errors';
import { tailKeeper, type AgentExit, type Transport } from './transport';

/** Runs the agent as a child process of this Node, on this machine. */
export class LocalTransport implements Transport {
  readonly label = 'local';

  constructor(private readonly agentPath: string, private readonly nodePath = process.execPath) {}

  runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal): Promise<AgentExit> {
    if (!existsSync(this.agentPath)) {
      return Promise.reject(new TransportError('AGENT_MISSING', `Agent not found at ${this.agentPath}: run "npm run build"`));
    }
    return new Promise((resolve, reject) => {
      const child = spawn(this.nodePath, [this.agentPath, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const tail = tailKeeper();
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', tail.push);
      const abort = (): void => { child.kill('SIGTERM'); };
      signal?.addEventListener('abort', abort, { once: true });
      child.on('error', (e) => reject(new TransportError('SPAWN_FAILED', `Cannot start the agent with ${this.nodePath}: ${e.message}`)));
      child.on('close', (code) => {
        signal?.removeEventListener('abort', abort);
        resolve({ code, stderrTail: tail.text() });
      });
      child.stdin.on('error', () => { /* the agent may exit before reading */ });
      child.stdin.end(requestLine + '\n');
    });
  }

  async dispose(): Promise<void> { /* nothing held */ }
}
