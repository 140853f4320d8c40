import type { EvaluationReporter } from './types';
import { reasonOf } from '../../report/reason';
import { xmlEsc } from '../../report/safe-text';

/** JUnit XML: a suite per candidate, a case per critère; a failure's message is its reason, a pass says nothing. */
export const junitReporter: EvaluationReporter = {
  format: 'junit',
  render: (ev) => {
    const suites = ev.hosts.map((h) => {
      const cases = h.runs.flatMap((run) =>
        run.criteria.map((c) => {
          const name = `${xmlEsc(run.exercise.id)} › ${xmlEsc(c.id)} (${xmlEsc(c.referentiel)})`;
          const seconds = (c.results.reduce((n, r) => n + r.durationMs, 0) / 1000).toFixed(3);
          const open = `    <testcase classname="${xmlEsc(h.candidate.id)}" name="${name}" time="${seconds}">`;
          if (c.status === 'passed') return `${open}</testcase>`;
          if (c.assessment === 'jury' || c.status === 'notRun')
            return `${open}<skipped message="${xmlEsc(c.assessment === 'jury' ? 'jury' : 'not run')}"/></testcase>`;
          const reason = reasonOf(c.results);
          const evidence = c.results
            .filter((r) => r.status !== 'pass')
            .map((r) => `${r.checkType} ${r.property}: ${r.message ?? ''}${r.path ? ` (${r.path}${r.line ? ':' + r.line : ''})` : ''}`);
          const tag = c.status === 'error' ? 'error' : 'failure';
          return `${open}<${tag} message="${xmlEsc(reason)}">${xmlEsc(evidence.join('\n'))}</${tag}></testcase>`;
        }),
      );
      const hostError =
        h.status === 'done'
          ? ''
          : `\n    <testcase classname="${xmlEsc(h.candidate.id)}" name="connexion"><error message="${xmlEsc(h.error?.message ?? h.status)}"/></testcase>`;
      const count = (s: string): number => h.runs.reduce((n, r) => n + r.criteria.filter((c) => c.status === s && c.assessment !== 'jury').length, 0);
      return (
        `  <testsuite name="${xmlEsc(`${h.candidate.id} ${h.candidate.name}`)}" tests="${cases.length + (hostError ? 1 : 0)}" failures="${count('failed')}" errors="${count('error') + (hostError ? 1 : 0)}">\n` +
        cases.join('\n') +
        hostError +
        '\n  </testsuite>'
      );
    });
    return [
      {
        name: 'junit.xml',
        content: `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlEsc(ev.session.id)}">\n${suites.join('\n')}\n</testsuites>\n`,
      },
    ];
  },
};
