import { existsSync } from 'node:fs';
import { adoptAgentWorker, AGENT_WORKER_HEAP_MB, AgentWorker } from './agent-worker';
import { TransportError } from './errors';
import { t, type Lang } from './i18n';
import type { AgentExit, Transport } from './transport';

export { AGENT_WORKER_HEAP_MB };

/** Options of the worker transport; tests lower the heap cap. */
export interface WorkerTransportOptions {
  heapMb?: number;
}

/**
 * Runs the agent bundle (dist/agent.js) in a worker thread of this process: the same code and protocol as the agent
 * process, without a second Node start-up. For the CLI only: the agent sets process-wide V8 regex flags, which an editor's
 * shared extension host must not get. The worker starts with the transport (or earlier, in the CLI's launcher), so that
 * its start-up overlaps the loading of the exercise; `runAgent` sends it the request. One run per worker.
 */
export class WorkerTransport implements Transport {
  readonly label = 'local';
  private next: AgentWorker | undefined;
  private readonly running = new Set<AgentWorker>();

  constructor(
    private readonly agentPath: string,
    private readonly options: WorkerTransportOptions = {},
  ) {
    const heapMb = options.heapMb ?? AGENT_WORKER_HEAP_MB;
    this.next = adoptAgentWorker(agentPath, heapMb) ?? (existsSync(agentPath) ? this.start() : undefined);
  }

  private start(): AgentWorker {
    return new AgentWorker(this.agentPath, this.options.heapMb ?? AGENT_WORKER_HEAP_MB);
  }

  async runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal, lang: Lang = 'fr'): Promise<AgentExit> {
    if (!existsSync(this.agentPath)) {
      throw new TransportError('AGENT_MISSING', t(lang, 'transport.agentMissing', this.agentPath));
    }
    const agent = this.next ?? this.start();
    this.next = undefined;
    this.running.add(agent);
    let stopped = false;
    const abort = (): void => {
      stopped = true;
      agent.stop();
    };
    if (signal?.aborted) {
      stopped = true;
      void agent.thread.terminate();
    } else {
      signal?.addEventListener('abort', abort, { once: true });
      agent.run(requestLine, onData);
    }
    // An agent that ended on its own has cleaned up and its thread is being ended: neither the run nor dispose waits for
    // the thread to stop (the process does not exit before it has).
    const code = await Promise.race([agent.exited, agent.ended.then(() => undefined)]);
    signal?.removeEventListener('abort', abort);
    this.running.delete(agent);
    // A worker that crashed or ran out of memory ends with its thread's code; one terminated has none, like a killed process.
    return { code: agent.endCode ?? (stopped ? null : (code ?? null)), stderrTail: agent.stderrTail() };
  }

  async dispose(): Promise<void> {
    const all = [...this.running, ...(this.next ? [this.next] : [])];
    this.next = undefined;
    await Promise.all(
      all.map(async (a) => {
        await a.thread.terminate();
        await a.exited;
      }),
    );
  }
}
