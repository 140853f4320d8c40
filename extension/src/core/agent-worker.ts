import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tailKeeper } from './transport';
import { agentWorkerEntry } from './agent-worker-boot';

/** Marker the agent bundle looks for in workerData (agent/src/worker.ts). */
const WORKER_MARKER = 'tssr-lab-agent';
/** The stop message (agent/src/worker.ts), and how long the agent gets to obey it before it is terminated. */
const STOP = 'stop';
const STOP_GRACE_MS = 500;
/** Heap cap of the agent's worker: a runaway agent dies alone (ERR_WORKER_OUT_OF_MEMORY) and the run ends interrupted. */
export const AGENT_WORKER_HEAP_MB = 512;

/** Messages from the agent worker (agent/src/worker.ts). */
type WorkerMessage = { kind: 'data'; text: string } | { kind: 'end'; code: number } | { kind: 'own'; what: 'folder' | 'group'; id: string; held: boolean };

/** One agent worker, listened to from its start: the hello it sends before the request is kept for the run. */
export class AgentWorker {
  readonly thread: Worker;
  readonly exited: Promise<number>;
  /** Resolves when the agent says it ended on its own: its lines are all out and it has cleaned up after itself. */
  readonly ended: Promise<void>;
  private markEnded: () => void = () => undefined;
  private readonly early: string[] = [];
  private onData: ((chunk: string) => void) | undefined;
  private readonly tail = tailKeeper();
  private readonly folders = new Set<string>();
  private readonly groups = new Set<string>();
  /** The code the agent ended with, when it ended on its own. */
  endCode: number | undefined;

  constructor(agentPath: string, heapMb: number) {
    const start = agentWorkerEntry(agentPath);
    this.thread = new Worker(start.entry, {
      eval: start.eval,
      workerData: { marker: WORKER_MARKER, boot: start.boot },
      // The agent never writes stdout in this mode; piped anyway, so nothing but the report reaches the CLI's stdout.
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.thread.stdout.setEncoding('utf8').on('data', this.tail.push);
    this.thread.stderr.setEncoding('utf8').on('data', this.tail.push);
    this.thread.on('message', (m: WorkerMessage) => this.accept(m));
    this.thread.on('error', (e) => this.tail.push(`\nagent worker: ${[(e as NodeJS.ErrnoException).code, e.message].filter(Boolean).join(' ')}`));
    // Messages sent before the thread stopped are delivered before `exit`, so what it held is known here in full.
    this.exited = new Promise((resolve) =>
      this.thread.once('exit', (code) => {
        this.release();
        resolve(code);
      }),
    );
    this.ended = new Promise((resolve) => {
      this.markEnded = resolve;
    });
  }

  private accept(m: WorkerMessage): void {
    if (m.kind === 'data') {
      if (this.onData) this.onData(m.text);
      else this.early.push(m.text);
    } else if (m.kind === 'own') {
      (m.what === 'folder' ? this.folders : this.groups)[m.held ? 'add' : 'delete'](m.id);
    } else if (m.kind === 'end') {
      this.endCode = m.code;
      this.markEnded();
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
      try {
        process.kill(-Number(group), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    for (const dir of this.folders) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        /* the next agent's stale-folder sweep retries */
      }
    }
    this.groups.clear();
    this.folders.clear();
  }

  stderrTail(): string {
    return this.tail.text();
  }
}

/** Where the launcher leaves a worker it started before the CLI bundle loaded (extension/src/cli/launcher.ts). */
const slot = globalThis as { __tssrLabAgentWorker?: { agentPath: string; heapMb: number; worker: AgentWorker } };

/** Starts an agent worker now, for the next WorkerTransport on the same agent to adopt; returns it (the caller ends it if unused). */
export function prestartAgentWorker(agentPath: string, heapMb = AGENT_WORKER_HEAP_MB): AgentWorker {
  const worker = new AgentWorker(agentPath, heapMb);
  slot.__tssrLabAgentWorker = { agentPath, heapMb, worker };
  return worker;
}

/** The prestarted worker for this agent and heap cap, once. */
export function adoptAgentWorker(agentPath: string, heapMb: number): AgentWorker | undefined {
  const early = slot.__tssrLabAgentWorker;
  if (!early || early.agentPath !== agentPath || early.heapMb !== heapMb) return undefined;
  slot.__tssrLabAgentWorker = undefined;
  return early.worker;
}
