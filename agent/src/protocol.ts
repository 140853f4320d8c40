import type { AgentEvent, Fatal, Reason } from '../../schemas/generated/types';

// The version lives once, in schemas/protocol.schema.json (x-protocol-version); `npm run gen` writes this module.
export { PROTOCOL_VERSION, PROTOCOL_MAJOR } from '../../schemas/generated/protocol-version';

/** Where protocol lines go and how the run ends: stdout and process.exit for a process, the parent port for a worker. */
export interface Sink {
  write(text: string): void;
  exit(code: number): void;
}

let sink: Sink = {
  write: (text) => {
    process.stdout.write(text);
  },
  // Exit once stdout is flushed: a leftover grandchild of a killed command must not keep the agent alive.
  exit: (code) => {
    process.stdout.write('', () => process.exit(code));
  },
};
let pending: string[] = [];
let scheduled = false;
let ended = false;

/** Replaces the stdout sink (the in-process worker mode). */
export function useSink(next: Sink): void {
  sink = next;
}

/** Writes the lines emitted so far, in one write. */
export function flush(): void {
  scheduled = false;
  if (pending.length === 0 || ended) return;
  const text = pending.join('');
  pending = [];
  sink.write(text);
}

/**
 * Queues one protocol line for stdout (nothing else may write there). Lines emitted in the same turn of the event
 * loop go out in one write: results still stream turn by turn, at a fraction of the system calls.
 */
export function emit(event: AgentEvent): void {
  pending.push(JSON.stringify(event) + '\n');
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/** Flushes and ends the run with `code`, once: nothing is written after. */
export function end(code: number): void {
  if (ended) return;
  flush();
  ended = true;
  sink.exit(code);
}

/** Writes a fatal line (its reason as data, worded by the client), flushes stdout and exits with code 2. */
export function fatal(code: Fatal['code'], reason: Reason): never {
  emit({ event: 'fatal', code, reason });
  end(2);
  // A process keeps its event loop waiting for the flush callback; a worker is ended by its client.
  return undefined as never;
}
