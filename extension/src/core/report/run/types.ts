import type { Exercise, RunReport } from '../../../../../schemas/generated/types';
import type { Lang } from '../../i18n';
import type { Session } from '../../session';
import type { Reporter } from '../reporter';

/** The formats of one run's report (`tssr-lab check --format`). */
export type RunFormat = 'text' | 'json' | 'junit';

/** What a run's reporter needs beyond the report: the language, the exercise, exam mode, colours. */
export interface RunReportOptions {
  lang: Lang;
  /** The exercise that was run: its checks word the learner's sentences, its critères order the text's blocks. */
  exercise?: Exercise;
  /** Exam: learner-facing formats say only passed or failed per critère, with no expected value, output or hint. */
  exam?: boolean;
  /** ANSI colours in the text (the caller decides from the terminal, NO_COLOR and FORCE_COLOR). */
  colour?: boolean;
}

/** One format of a run's report; live formats follow the run's session as critères settle. */
export type RunReporter = Reporter<RunReport, RunReportOptions, RunFormat, Session>;
