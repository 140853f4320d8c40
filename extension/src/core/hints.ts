/** How many hints of its ladder the learner has revealed, per critère; serialisable, kept by the editor per pack. */
export type HintUse = Record<string, number>;

/** The hint steps revealed per exercise and critère: the editor persists it, reports carry it for the evaluator. */
export class HintLedger {
  constructor(private readonly state: Record<string, HintUse> = {}) {}

  /** Hints revealed so far for one critère (0 when none). */
  revealed(exerciseId: string, criterionId: string): number {
    return this.state[exerciseId]?.[criterionId] ?? 0;
  }

  /** Reveals the next step of a ladder of `length` hints; returns its index, or undefined once all are shown. */
  next(exerciseId: string, criterionId: string, length: number): number | undefined {
    const shown = this.revealed(exerciseId, criterionId);
    if (shown >= length) return undefined;
    (this.state[exerciseId] ??= {})[criterionId] = shown + 1;
    return shown;
  }

  /** The hint use of one exercise, for its report. */
  usage(exerciseId: string): HintUse {
    return { ...(this.state[exerciseId] ?? {}) };
  }

  /** The whole ledger, to persist. */
  toJSON(): Record<string, HintUse> {
    return this.state;
  }
}
