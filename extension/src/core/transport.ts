import type { Lang } from './i18n';

/** What a transport reports when the agent process ends. */
export interface AgentExit {
  /** Exit code, or null when the process or connection died without one. */
  code: number | null;
  /** The last few KiB of the agent's stderr, for error messages. */
  stderrTail: string;
  /** Set when the connection to the target was lost (closed, or no answer): the sentence that says so. */
  connectionLost?: string;
}

/** Runs the agent on a target. Implemented by the local and SSH transports; no vscode, no ssh2 here. */
export interface Transport {
  /** Human-readable target, e.g. `local` or `ssh://alice@vm1:2222`. */
  readonly label: string;
  /**
   * Starts `agent.js serve`, writes the request line, and calls `onData` with stdout chunks as they arrive.
   * Resolves when the agent exits or the connection drops; rejects with a TransportError when it cannot start.
   * `lang` is the run's language, for the transport's own messages.
   */
  runAgent(requestLine: string, onData: (chunk: string) => void, signal?: AbortSignal, lang?: Lang): Promise<AgentExit>;
  /** Releases connections. */
  dispose(): Promise<void>;
}

/** Keeps the last `max` characters of a stream. */
export function tailKeeper(max = 8192): { push(s: string): void; text(): string } {
  let buf = '';
  return {
    push(s) {
      buf = (buf + s).slice(-max);
    },
    text: () => buf,
  };
}
