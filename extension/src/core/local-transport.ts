import { spawnLazily } from './lazy-spawn';
import { existsSync } from 'node:fs';
import { extraCaMovedAside } from '../../../agent/src/extra-ca';
import { TransportError } from './errors';
import { t, type Lang } from './i18n';
import { tailKeeper, type AgentExit, type Transport } from './transport';

/** Runs the agent as a child process of this Node, on this machine. */
export class LocalTransport implements Transport {
  readonly label = 'local';

  constructor(
    private readonly agentPath: string,
    private readonly nodePath = process.execPath,
  ) {}

  runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal, lang: Lang = 'fr'): Promise<AgentExit> {
    if (!existsSync(this.agentPath)) {
      return Promise.reject(new TransportError('AGENT_MISSING', t(lang, 'transport.agentMissing', this.agentPath)));
    }
    return new Promise((resolve, reject) => {
      // NODE_EXTRA_CA_CERTS moved aside: Node would parse it before the agent's first line (agent/src/extra-ca.ts).
      const child = spawnLazily(this.nodePath, [this.agentPath, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'], env: extraCaMovedAside(process.env) });
      const tail = tailKeeper();
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', tail.push);
      const abort = (): void => {
        child.kill('SIGTERM');
      };
      signal?.addEventListener('abort', abort, { once: true });
      child.on('error', (e) => reject(new TransportError('SPAWN_FAILED', t(lang, 'transport.spawnFailed', this.nodePath, e.message))));
      child.on('close', (code) => {
        signal?.removeEventListener('abort', abort);
        resolve({ code, stderrTail: tail.text() });
      });
      child.stdin.on('error', () => {
        /* the agent may exit before reading */
      });
      child.stdin.end(requestLine + '\n');
    });
  }

  async dispose(): Promise<void> {
    /* nothing held */
  }
}
