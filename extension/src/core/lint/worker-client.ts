import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LintOptions } from './engine';
import type { Finding, ScriptLanguage } from './types';
import { LINT_WORKER_MARKER, type LintReply, type LintRequest } from './worker-protocol';

/** A request the worker could not answer; `unknown` when it did not hold the document (it restarted). */
export class LintWorkerError extends Error {
  constructor(
    message: string,
    readonly unknown: boolean,
  ) {
    super(message);
  }
}

/** The worker's file, beside this module: dist/lint-worker.js in the bundle, or tsc's output beside worker-client.js. */
function workerPath(): string {
  return join(__dirname, 'lint-worker.js');
}

/**
 * The editor's side of the lint worker: the same calls as a LintDocument, keyed by document, answered asynchronously.
 * This module loads no WASM: the extension host only sends text and receives findings.
 *
 * The worker is a child process, not a worker thread, because V8's flags and its WebAssembly compiler belong to the
 * process: in a thread, V8 optimises the PowerShell grammar in the host's own background threads (6 s of CPU on a quiet
 * machine, far more on a busy one) and the host cannot even exit before that ends. A process keeps V8's default tiering
 * (fast warm analyses) to itself and dies at once when the editor stops it. It starts on first use and again after a
 * crash (its documents are then unknown: callers analyse them afresh).
 */
export class LintWorkerClient {
  private child?: ChildProcess;
  private next = 1;
  private readonly pending = new Map<number, { child: ChildProcess; resolve(f: Finding[]): void; reject(e: Error): void }>();

  constructor(private readonly path = workerPath()) {}

  /** Full analysis of a document's text. */
  analyse(key: string, language: ScriptLanguage, text: string, options: LintOptions = {}): Promise<Finding[]> {
    const id = this.next++;
    return this.ask(id, { op: 'analyse', id, key, language, text, options });
  }

  /** Moves the worker's copy along with an edit; cheap, no reply. */
  edit(key: string, start: number, end: number, text: string): void {
    this.child?.send({ op: 'edit', key, start, end, text } satisfies LintRequest);
  }

  /** Findings after the edits so far (incremental parse). Rejects with `unknown` when the worker lost the document. */
  findings(key: string, options: LintOptions = {}): Promise<Finding[]> {
    const id = this.next++;
    return this.ask(id, { op: 'findings', id, key, options });
  }

  close(key: string): void {
    this.child?.send({ op: 'close', key } satisfies LintRequest);
  }

  /** Stops the worker at once; pending requests reject. */
  dispose(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
  }

  private ask(id: number, request: LintRequest): Promise<Finding[]> {
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { child, resolve, reject });
      // Held while a reply is awaited, so that a CLI or a test does not end with a request in flight.
      child.channel?.ref();
      child.send(request);
    });
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(this.path, [], {
      // Not the host's own flags (an inspector port, say); ELECTRON_RUN_AS_NODE makes VS Code's binary a plain Node.
      execArgv: [],
      env: { ...process.env, [LINT_WORKER_MARKER]: '1', ELECTRON_RUN_AS_NODE: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    child.unref();
    child.on('message', (r: LintReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      // Idle, the worker must not keep a process alive; the editor holds it through this client.
      if (![...this.pending.values()].some((q) => q.child === child)) child.channel?.unref();
      if (r.ok) p?.resolve(r.findings);
      else p?.reject(new LintWorkerError(r.message, r.unknown));
    });
    const fail = (why: string): void => {
      if (this.child === child) this.child = undefined;
      // Only this process's requests: a worker started since (after dispose) keeps its own.
      for (const [id, p] of this.pending)
        if (p.child === child) {
          this.pending.delete(id);
          p.reject(new LintWorkerError(why, true));
        }
    };
    child.on('error', (e) => fail(`lint worker: ${e.message}`));
    child.on('exit', (code, signal) => fail(`lint worker exited (${signal ?? code})`));
    this.child = child;
    return child;
  }
}
