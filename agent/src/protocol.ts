import type { AgentEvent, Fatal } from '../../extension/src/core/generated/protocol';

/** Protocol version spoken by this agent: major changes break, minor ones only add. */
export const PROTOCOL_VERSION = '1.0';
/** Major version the agent accepts in a RunRequest. */
export const PROTOCOL_MAJOR = 1;

let pending: string[] = [];
let scheduled = false;

/** Writes the lines emitted so far, in one write. */
export function flush(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
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

/** Writes a fatal line, flushes stdout and exits with code 2. */
export function fatal(code: Fatal['code'], message: string): never {
  emit({ event: 'fatal', code, message });
  flush();
  process.stdout.write('', () => process.exit(2));
  // Keep the event loop waiting for the flush callback above.
  return undefined as never;
}
