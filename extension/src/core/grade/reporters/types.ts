import type { Evaluation } from '../../../../../schemas/generated/types';
import type { Lang } from '../../i18n';
import type { Reporter } from '../../report/reporter';

/** The formats of a room's evaluation (`tssr-lab report --format`). */
export type EvaluationFormat = 'html' | 'json' | 'csv' | 'junit' | 'tap';

/** What an evaluation's reporter needs beyond the evaluation. */
export interface EvaluationReportOptions {
  lang: Lang;
  /** Candidate ids to their trace document's text, for the jury. */
  traces?: Map<string, string>;
}

/** One output format of an evaluation: the shared `Reporter` interface, over an `Evaluation`. */
export type EvaluationReporter = Reporter<Evaluation, EvaluationReportOptions, EvaluationFormat>;
