import { csvReporter } from './csv';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { tapReporter } from './tap';
import type { Reporter } from './types';

/** The evaluation's output formats, one file each. */
export const reporters: Record<Reporter['format'], Reporter> = {
  html: htmlReporter,
  json: jsonReporter,
  csv: csvReporter,
  junit: junitReporter,
  tap: tapReporter,
};

export type { Reporter, ReportFile } from './types';
