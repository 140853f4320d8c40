import type { Result } from '../../../../schemas/generated/types';

/** Where a learner should look for a failure: their own workspace file, or a file on the target (read-only). */
export type LearnerLocation = { scheme: 'workspace'; path: string; line?: number } | { scheme: 'target'; path: string; line?: number };

/** One failed (or errored, or skipped) property, as the learner reads it: never the pack's check definition. */
export interface LearnerFailure {
  /** One short sentence about the learner's work, in their language. */
  sentence: string;
  /** What was run on the target (a command with its arguments), when a command was run. */
  ran?: string;
  /** What was observed, trimmed to the lines that matter. */
  observed?: string;
  /** The learner's file and line, or the target's file; never exercise.yaml. */
  location?: LearnerLocation;
  /** Both sides of a comparison of text, only when they are comparable text. */
  diff?: { expected: string; actual: string };
}

/**
 * A first rendering from the structured result; the learner-rendering work of issue 10 replaces its body
 * (sentences per reason code, trainer `message` overrides, trimming) behind this same signature.
 */
export function describeFailure(r: Result, workspaceFiles: readonly string[] = []): LearnerFailure {
  const path = r.path;
  const location: LearnerLocation | undefined = path
    ? workspaceFiles.includes(path.replace(/^\.\/+/, ''))
      ? { scheme: 'workspace', path: path.replace(/^\.\/+/, ''), line: r.line }
      : path.startsWith('/')
        ? { scheme: 'target', path, line: r.line }
        : undefined
    : undefined;
  return { sentence: r.message ?? '', ...(location ? { location } : {}) };
}
