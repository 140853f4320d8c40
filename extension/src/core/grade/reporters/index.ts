import { csvReporter } from './csv';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { tapReporter } from './tap';
import type { EvaluationFormat, EvaluationReporter } from './types';

/** The evaluation's output formats, one file each. */
export const reporters: Record<EvaluationFormat, EvaluationReporter> = {
  html: htmlReporter,
  json: jsonReporter,
  csv: csvReporter,
  junit: junitReporter,
  tap: tapReporter,
};

export type { EvaluationFormat, EvaluationReportOptions, EvaluationReporter } from './types';
export type { ReportFile } from '../../report/reporter';
