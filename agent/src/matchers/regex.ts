import type { Worker } from 'node:worker_threads';
import { REGEX_V8_FLAGS } from './regex-flags';

/** What a regex test answered: the first matching line (or 0 for the whole text), -1 for none, or why it has no answer. */
export type RegexAnswer = { index: number } | { invalid: string } | { timedOut: true } | { crashed: string };

interface Job {
  source: string;
  text: string;
  perLine: boolean;
  done(a: RegexAnswer): void;
}

// Runs in the worker. Kept as source so the agent stays one bundled file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, text, perLine }) => {
  try {
    const re = new RegExp(source, 'm');
    let index = -1;
    if (perLine) {
      const lines = text.split(/\\r?\\n/);
      for (let i = 0; i < lines.length; i++) if (re.test(lines[i])) { index = i; break; }
    } else if (re.test(text)) index = 0;
    parentPort.postMessage({ index });
  } catch (e) {
    parentPort.postMessage({ crashed: String((e && e.message) || e) });
  }
});`;

/** Longest text matched inline: bounds the time the event loop can spend on one match (linear in the text). */
export const INLINE_MAX_TEXT = 16 * 1024;

/** How this Node can match inline without risk: backtracking with a linear fallback, the linear engine only, or not at all. */
type InlineMode = 'fallback' | 'linear' | 'none';
let inlineMode: InlineMode | undefined;

/**
 * Without the fallback this probe backtracks 2^18 times (milliseconds at least); with it, V8 switches engines after
 * 2,000 backtracks and answers in microseconds. A slow answer under load only costs speed: the linear engine is used.
 */
function fallbackWorks(): boolean {
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    new RegExp('^(a|a)*b$').test('a'.repeat(18));
    if (performance.now() - started < 1) return true;
  }
  return false;
}

/**
 * V8's linear-time regex engine (the `l` flag, behind a flag since V8 8.8) never backtracks: a match costs
 * O(text × pattern) whatever the pattern. With `on-excessive-backtracks`, an ordinary regex runs the fast backtracking
 * engine and switches to the linear one past a few backtracks. Enabled on first use; a Node that refuses both sends
 * every regex to the worker.
 */
function mode(): InlineMode {
  if (inlineMode === undefined) {
    try {
      // Loaded on first use: a run without regexes pays nothing.
      const v8 = require('node:v8') as typeof import('node:v8');
      for (const flag of REGEX_V8_FLAGS) v8.setFlagsFromString(flag);
      new RegExp('a', 'l');
      inlineMode = fallbackWorks() ? 'fallback' : 'linear';
    } catch {
      inlineMode = 'none';
    }
  }
  return inlineMode;
}

/**
 * The pattern compiled to run inline, or null when only a backtracking engine can run it (backreferences,
 * lookarounds, large counts): the `l` flag compiles only what the linear engine can take over.
 */
function inlineRegex(source: string): RegExp | null {
  const m = mode();
  if (m === 'none') return null;
  try {
    const linear = new RegExp(source, 'ml');
    return m === 'linear' ? linear : new RegExp(source, 'm');
  } catch {
    return null;
  }
}

/** First line of `text` matching `re` (or 0 for the whole text), -1 for none; the worker runs the same loop. */
function firstMatch(re: RegExp, text: string, perLine: boolean): number {
  if (!perLine) return re.test(text) ? 0 : -1;
  return text.split(/\r?\n/).findIndex((l) => re.test(l));
}

/** Checks a pattern's syntax on this thread: compiling is linear, only matching can backtrack for ever. */
export function regexSyntaxError(source: string): string | null {
  try {
    new RegExp(source, 'm');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Regex matching that cannot hang the agent. A synchronous regex cannot be interrupted, so a catastrophic pattern
 * would hold the whole agent. A pattern the linear-time engine accepts, on a short text, runs inline (V8 falls back
 * to that engine past a few backtracks, so it is bounded). Anything else (backreferences, lookarounds, long texts)
 * runs in a worker thread the agent can terminate: one per run, started on first need, reused; jobs run one at a time
 * so the check whose deadline passes owns the running job, and only it is lost.
 */
export class RegexEngine {
  private worker: Worker | undefined;
  private current: Job | undefined;
  private readonly queue: Job[] = [];
  /** Workers started so far (tests and the bench read it). */
  started = 0;

  /** `inlineMaxText` 0 sends every regex to the worker (the bench compares both paths). */
  constructor(private readonly inlineMaxText = INLINE_MAX_TEXT) {}

  /** Tests `source` against each line of `text` (or the whole text); answers `timedOut` once `signal` aborts. */
  test(source: string, text: string, perLine: boolean, signal: AbortSignal): Promise<RegexAnswer> {
    const invalid = regexSyntaxError(source);
    if (invalid !== null) return Promise.resolve({ invalid });
    if (signal.aborted) return Promise.resolve({ timedOut: true });
    // V8 flags are process-wide: set before the worker starts, they guard its matches too.
    mode();
    if (text.length <= this.inlineMaxText) {
      const re = inlineRegex(source);
      if (re) return Promise.resolve({ index: firstMatch(re, text, perLine) });
    }
    return new Promise((resolve) => {
      const job: Job = {
        source,
        text,
        perLine,
        done: (a) => {
          signal.removeEventListener('abort', onAbort);
          resolve(a);
        },
      };
      const onAbort = (): void => {
        if (this.current === job) this.restart({ timedOut: true });
        else {
          this.queue.splice(this.queue.indexOf(job), 1);
          job.done({ timedOut: true });
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops the worker; pending jobs are answered `timedOut`. */
  dispose(): void {
    for (const job of this.queue.splice(0)) job.done({ timedOut: true });
    if (this.current) this.restart({ timedOut: true });
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    const worker = this.spawn();
    worker.ref();
    worker.postMessage({ source: job.source, text: job.text, perLine: job.perLine });
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    this.started++;
    worker.on('message', (a: RegexAnswer) => this.finish(worker, a));
    worker.on('error', (e) => this.finish(worker, { crashed: e.message }, true));
    worker.on('exit', (code) => this.finish(worker, { crashed: `regex worker exited with code ${code}` }, true));
    this.worker = worker;
    return worker;
  }

  private finish(worker: Worker, answer: RegexAnswer, dead = false): void {
    if (worker !== this.worker) return;
    if (dead) this.worker = undefined;
    const job = this.current;
    this.current = undefined;
    job?.done(answer);
    this.pump();
    // An idle worker must not keep the agent alive; a busy one must, or the run would end mid-match.
    if (!this.current) this.worker?.unref();
  }

  /** Kills the running match (its worker cannot be interrupted otherwise) and goes on with a fresh worker. */
  private restart(answer: RegexAnswer): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    const job = this.current;
    this.current = undefined;
    job?.done(answer);
    this.pump();
  }
}
