import type { EvaluationReporter } from './types';

/** The evaluation as JSON, valid against evaluation.schema.json (signed when the run was signed). */
export const jsonReporter: EvaluationReporter = {
  format: 'json',
  render: (ev) => [{ name: 'evaluation.json', content: JSON.stringify(ev, null, 2) + '\n' }],
};
