import type { EvaluationReporter } from './types';
import { reasonOf } from '../../report/reason';

/** A YAML-safe one-line string for TAP's diagnostic block. */
const yamlLine = (s: string): string => JSON.stringify(s.replace(/[\r\n]+/g, ' ').slice(0, 500));

/** TAP version 13: a test point per candidate and critère, with the reason of each failure. */
export const tapReporter: EvaluationReporter = {
  format: 'tap',
  render: (ev) => {
    const lines: string[] = [];
    for (const h of ev.hosts) {
      if (h.status !== 'done' && !h.runs.length) {
        lines.push(
          `not ok ${lines.filter((l) => /^(not )?ok /.test(l)).length + 1} - ${h.candidate.id} connexion`,
          '  ---',
          `  message: ${yamlLine(h.error?.message ?? h.status)}`,
          '  ...',
        );
        continue;
      }
      for (const run of h.runs) {
        for (const c of run.criteria) {
          const n = lines.filter((l) => /^(not )?ok /.test(l)).length + 1;
          const name = `${h.candidate.id} ${run.exercise.id} › ${c.id} (${c.referentiel})`;
          if (c.assessment === 'jury') lines.push(`ok ${n} - ${name} # SKIP jury`);
          else if (c.status === 'passed') lines.push(`ok ${n} - ${name}`);
          else if (c.status === 'notRun') lines.push(`ok ${n} - ${name} # SKIP not run`);
          else
            lines.push(
              `not ok ${n} - ${name}`,
              '  ---',
              `  message: ${yamlLine(reasonOf(c.results))}`,
              `  severity: ${c.status === 'error' ? 'error' : 'fail'}`,
              '  ...',
            );
        }
      }
    }
    const count = lines.filter((l) => /^(not )?ok /.test(l)).length;
    return [{ name: 'results.tap', content: ['TAP version 13', `1..${count}`, ...lines, ''].join('\n') }];
  },
};
