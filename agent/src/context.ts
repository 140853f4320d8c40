import type { Result } from '../../schemas/generated/types';
import type { RegexEngine } from './matchers/regex';
import type { System } from './system';

/** A property outcome as a check reports it; the runner adds ids and timing. */
export type Outcome = Omit<Result, 'event' | 'criterionId' | 'checkIndex' | 'checkType' | 'durationMs'>;

/** What every check of one run shares: facts about the target and the regex worker. */
export interface RunServices {
  system: System;
  regex: RegexEngine;
}

/** What a check gets from the runner. */
export interface CheckContext extends RunServices {
  /** Working directory holding the learner's workspace files. */
  cwd: string;
  /** Aborted when the check times out; long probes must stop then. */
  signal: AbortSignal;
  /** This check's time budget, for reasons. */
  timeoutMs: number;
  /** Reports one asserted property as soon as it is known. */
  report(outcome: Outcome): void;
}

/** A check implementation: reads the target and reports each asserted property. */
export type CheckRunner<C> = (check: C, ctx: CheckContext) => Promise<void>;
