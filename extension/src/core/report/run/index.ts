import type { RunReport } from '../../../../../schemas/generated/types';
import type { Session } from '../../session';
import { liveOf, type LiveReport } from '../reporter';
import { jsonRunReporter } from './json';
import { junitRunReporter } from './junit';
import { textRunReporter } from './text';
import type { RunFormat, RunReportOptions, RunReporter } from './types';

/** The formats of one run's report, one file each. */
export const runReporters: Record<RunFormat, RunReporter> = {
  text: textRunReporter,
  json: jsonRunReporter,
  junit: junitRunReporter,
};

/** The output of a run in `format`, written through `write` as the run goes (text) or once at its end (the others). */
export function runOutput(format: RunFormat, options: RunReportOptions, write: (text: string) => void): LiveReport<RunReport, Session> {
  return liveOf(runReporters[format], options, write);
}

export type { RunFormat, RunReportOptions, RunReporter } from './types';
