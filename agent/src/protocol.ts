import type { AgentEvent, Fatal } from '../../extension/src/core/generated/protocol';

/** Protocol version spoken by this agent: major changes break, minor ones only add. */
export const PROTOCOL_VERSION = '1.0';
/** Major version the agent accepts in a RunRequest. */
export const PROTOCOL_MAJOR = 1;

/** Writes one protocol line on stdout. Nothing else may write there. */
export function emit(event: AgentEvent): void {
  process.stdout.write(JSON.stringify(event) + '\n');
}

/** Writes a fatal line, flushes stdout and exits with code 2. */
export function fatal(code: Fatal['code'], message: string): never {
  emit({ event: 'fatal', code, message });
  process.stdout.write('', () => process.exit(2));
  // Keep the event loop waiting for the flush callback above.
  return undefined as never;
}
