import { existsSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { TransportError } from './errors';
import { tailKeeper, type AgentExit, type Transport } from './transport';

/** Marker the agent bundle looks for in workerData (agent/src/worker.ts). */
const WORKER_MARKER = 'tssr-lab-agent';
/** The stop message (agent/src/worker.ts), and how long the agent gets to obey it before it is terminated. */
const STOP = 'stop';
const STOP_GRACE_MS = 500;
/** Heap cap of the agent's worker: a runaway agent dies alone (ERR_WORKER_OUT_OF_MEMORY) and the run ends interrupted. */
export const AGENT_WORKER_HEAP_MB = 512;

/** Messages from the agent worker (agent/src/worker.ts). */
type WorkerMessage =
  | { kind: 'data'; text: string }
  | { kind: 'end'; code: number }
  | { kind: 'own'; what: 'folder' | 'group'; id: string; held: boolean };

/** Options of the worker transport; tests lower the heap cap. */
export interface WorkerTransportOptions { heapMb?: number }

/** One agent worker, listened to from its start: the hello it sends before the request is kept for the run. */
class AgentWorker {
  readonly thread: Worker;
  readonly exited: Promise<number>;
  private readonly early: string[] = [];
  private onData: ((chunk: string) => void) | undefined;
  private readonly tail = tailKeeper();
  private readonly folders = new Set<string>();
  private readonly groups = new Set<string>();
  /** The code the agent ended with, when it ended on its own. */
  endCode: number | undefined;

  constructor(agentPath: string, heapMb: number) {
    this.thread = new Worker(agentPath, {
      workerData: { marker: WORKER_MARKER },
      // The agent never writes stdout in this mode; piped anyway, so nothing but the report reaches the CLI's stdout.
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(heapMb / 4)) },
    });
    this.thread.stdout.setEncoding('utf8').on('data', this.tail.push);
    this.thread.stderr.setEncoding('utf8').on('data', this.tail.push);
    this.thread.on('message', (m: WorkerMessage) => this.accept(m));
    this.thread.on('error', (e) => this.tail.push(`\nagent worker: ${[(e as NodeJS.ErrnoException).code, e.message].filter(Boolean).join(' ')}`));
    // Messages sent before the thread stopped are delivered before `exit`, so what it held is known here in full.
    this.exited = new Promise((resolve) => this.thread.once('exit', (code) => { this.release(); resolve(code); }));
  }

  private accept(m: WorkerMessage): void {
    if (m.kind === 'data') {
      if (this.onData) this.onData(m.text);
      else this.early.push(m.text);
    } else if (m.kind === 'own') {
      (m.what === 'folder' ? this.folders : this.groups)[m.held ? 'add' : 'delete'](m.id);
    } else if (m.kind === 'end') {
      this.endCode = m.code;
      // Its lines are all out: end the thread, whatever handles (a stray timer, a leftover child) it still holds.
      void this.thread.terminate();
    }
  }

  /**
   * Asks the agent to stop as SIGTERM asks a process: it kills its commands, removes its workspace and says INTERRUPTED.
   * A thread stuck in synchronous code never reads the message: it is terminated after a short grace.
   */
  stop(): void {
    this.thread.postMessage(STOP);
    const timer = setTimeout(() => void this.thread.terminate(), STOP_GRACE_MS);
    void this.exited.then(() => clearTimeout(timer));
  }

  /** Sends the request; lines received so far and from now on go to `onData`. */
  run(requestLine: string, onData: (chunk: string) => void): void {
    this.onData = onData;
    if (this.early.length) onData(this.early.splice(0).join(''));
    this.thread.postMessage(requestLine);
  }

  /** After the thread stopped, however: kills the command process groups and removes the folders the agent still held. */
  private release(): void {
    for (const group of this.groups) {
      try { process.kill(-Number(group), 'SIGKILL'); } catch { /* already gone */ }
    }
    for (const dir of this.folders) {
      try { rmSync(dir, { recursive: true, force: true }); } catch { /* the next agent's stale-folder sweep retries */ }
    }
    this.groups.clear();
    this.folders.clear();
  }

  stderrTail(): string {
    return this.tail.text();
  }
}

/**
 * Runs the agent bundle (dist/agent.js) in a worker thread of this process: the same code and protocol as the agent
 * process, without a second Node start-up. For the CLI only: the agent sets process-wide V8 regex flags, which an editor's
 * shared extension host must not get. The worker starts with the transport, so that its start-up overlaps the loading
 * of the exercise; `runAgent` sends it the request. One run per worker.
 */
export class WorkerTransport implements Transport {
  readonly label = 'local';
  private next: AgentWorker | undefined;
  private readonly running = new Set<AgentWorker>();

  constructor(private readonly agentPath: string, private readonly options: WorkerTransportOptions = {}) {
    if (existsSync(agentPath)) this.next = this.start();
  }

  private start(): AgentWorker {
    return new AgentWorker(this.agentPath, this.options.heapMb ?? AGENT_WORKER_HEAP_MB);
  }

  async runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal): Promise<AgentExit> {
    if (!existsSync(this.agentPath)) {
      throw new TransportError('AGENT_MISSING', `Agent not found at ${this.agentPath}: run "npm run build"`);
    }
    const agent = this.next ?? this.start();
    this.next = undefined;
    this.running.add(agent);
    let stopped = false;
    const abort = (): void => { stopped = true; agent.stop(); };
    if (signal?.aborted) {
      stopped = true;
      void agent.thread.terminate();
    } else {
      signal?.addEventListener('abort', abort, { once: true });
      agent.run(requestLine, onData);
    }
    const code = await agent.exited;
    signal?.removeEventListener('abort', abort);
    this.running.delete(agent);
    // A worker that crashed or ran out of memory ends with its thread's code; one terminated has none, like a killed process.
    return { code: agent.endCode ?? (stopped ? null : code), stderrTail: agent.stderrTail() };
  }

  async dispose(): Promise<void> {
    const all = [...this.running, ...(this.next ? [this.next] : [])];
    this.next = undefined;
    await Promise.all(all.map(async (a) => { await a.thread.terminate(); await a.exited; }));
  }
}
