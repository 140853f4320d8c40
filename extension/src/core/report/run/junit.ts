import type { CriterionReport, Result, RunReport } from '../../../../../schemas/generated/types';
import { checksOf } from '../../criteria';
import { t } from '../../i18n';
import { describeFailure, type LearnerFailure } from '../../learner/failure';
import { firstNotPassed } from '../reason';
import { xmlEsc } from '../safe-text';
import type { RunReportOptions, RunReporter } from './types';

/** The learner's words for one result, as the text output gives them (exam mode: no value, no output). */
function describe(r: Result, o: RunReportOptions): LearnerFailure {
  const criterion = o.exercise?.criteria.find((c) => c.id === r.criterionId);
  const check = criterion ? checksOf(criterion)[r.checkIndex] : undefined;
  return describeFailure(r, o.exercise?.workspaceFiles ?? [], { lang: o.lang, check, exam: o.exam });
}

/**
 * The body of a failure: each property that did not pass, once, in the critère's order, with what was run, observed and
 * where. Exam mode has none, as the text shows only the critère's verdict.
 */
function evidence(c: CriterionReport, o: RunReportOptions): string {
  if (o.exam) return '';
  const lines = new Set<string>();
  for (const r of c.results.filter((x) => x.status !== 'pass').sort((a, b) => a.checkIndex - b.checkIndex)) {
    const f = describe(r, o);
    const where =
      f.location && (f.location.line || f.location.scheme === 'target') ? `${f.location.path}${f.location.line ? ':' + f.location.line : ''}` : undefined;
    const block = [
      f.sentence,
      ...(f.ran ? [`  ${t(o.lang, 'learner.ranLabel')} ${f.ran}`] : []),
      ...(f.observed ? [`  ${t(o.lang, 'learner.observedLabel')} ${f.observed.replace(/\n/g, '\n    ')}`] : []),
      ...(where ? [`  ${t(o.lang, 'learner.whereLabel')} ${where}`] : []),
    ];
    lines.add(block.join('\n'));
  }
  return [...lines].join('\n');
}

/** One critère as a test case: a pass says nothing; a failure's message is its reason, never its hint. */
function testcase(report: RunReport, c: CriterionReport, o: RunReportOptions): string {
  const name = `${c.id} — ${c.title} [${c.referentiel}]`;
  const time = (c.results.reduce((m, x) => Math.max(m, x.durationMs), 0) / 1000).toFixed(3);
  const open = `    <testcase classname="${xmlEsc(report.exercise.id)}" name="${xmlEsc(name)}" time="${time}">`;
  if (c.status === 'passed') return `${open}</testcase>`;
  if (c.status === 'notRun' || c.status === 'running') {
    const why = c.assessment === 'jury' ? t(o.lang, 'learner.jury') : t(o.lang, 'status.notRun');
    return `${open}<skipped message="${xmlEsc(why)}"/></testcase>`;
  }
  const bad = firstNotPassed(c.results);
  const reason = bad ? describe(bad, o).sentence : c.status === 'error' ? (report.error ?? t(o.lang, 'status.error')) : c.title;
  const tag = c.status === 'error' ? 'error' : 'failure';
  return `${open}<${tag} message="${xmlEsc(reason)}">${xmlEsc(evidence(c, o))}</${tag}></testcase>`;
}

/** JUnit XML: one testsuite per exercise, one testcase per critère, XML-safe whatever the commands printed. */
export const junitRunReporter: RunReporter = {
  format: 'junit',
  render(r, o) {
    const n = r.totals;
    const content = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="tssr-lab" tests="${r.criteria.length}" failures="${n.failed}" errors="${n.errors}">`,
      `  <testsuite name="${xmlEsc(r.exercise.title)}" tests="${r.criteria.length}" failures="${n.failed}" errors="${n.errors}" skipped="${n.notRun}" timestamp="${r.startedAt}" time="${(r.durationMs / 1000).toFixed(3)}" hostname="${xmlEsc(r.target)}">`,
      ...r.criteria.map((c) => testcase(r, c, o)),
      '  </testsuite>',
      '</testsuites>',
    ].join('\n');
    return [{ name: 'junit.xml', content }];
  },
};
