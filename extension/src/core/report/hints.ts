import type { RunReport } from '../../../../schemas/generated/types';
import type { HintUse } from '../hints';

/** The report with each critère's `hintsUsed` from the learner's hint record (HintLedger.usage), for the evaluator. */
export function withHintUse(report: RunReport, usage: HintUse): RunReport {
  return { ...report, criteria: report.criteria.map((c) => ({ ...c, hintsUsed: usage[c.id] ?? 0 })) };
}
