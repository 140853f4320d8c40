import type { RunReporter } from './types';

/**
 * The run report as JSON, valid against report.schema.json. It is the evaluator's record: exam mode keeps the expected
 * and observed values in it (only the learner's text hides them).
 */
export const jsonRunReporter: RunReporter = {
  format: 'json',
  render: (report) => [{ name: 'report.json', content: JSON.stringify(report, null, 2) }],
};
