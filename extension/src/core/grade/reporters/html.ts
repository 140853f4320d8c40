import { candidateGrid } from '../html-candidate';
import { classSummary } from '../html-class';
import type { EvaluationReporter } from './types';

/** The class summary (index.html) and one printable grid per candidate (<id>.html). */
export const htmlReporter: EvaluationReporter = {
  format: 'html',
  render: (ev, { lang, traces }) => [
    { name: 'index.html', content: classSummary(ev, lang) },
    ...ev.hosts.map((h, i) => ({ name: `${h.candidate.id}.html`, content: candidateGrid(ev, i, lang, traces?.get(h.candidate.id)) })),
  ],
};
