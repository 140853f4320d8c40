import type { RunReport } from '../../../../schemas/generated/types';
import { xmlSafe } from './safe-text';

// Characters XML 1.0 forbids are made visible first, then the markup characters become entities.
function esc(s: string): string {
  return xmlSafe(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** JUnit XML: one testsuite per exercise, one testcase per critère, results as evidence. */
export function toJUnit(r: RunReport): string {
  const cases = r.criteria.map((c) => {
    const evidence = c.results.map((x) => `${x.status.toUpperCase()} ${x.checkType} ${x.property}: ${x.message}`).join('\n');
    const name = `${c.id} — ${c.title} [${c.referentiel}]`;
    const time = (c.results.reduce((m, x) => Math.max(m, x.durationMs), 0) / 1000).toFixed(3);
    let body = '';
    if (c.status === 'failed') body = `<failure message="${esc(c.hint ?? c.title)}">${esc(evidence)}</failure>`;
    else if (c.status === 'error') body = `<error message="${esc(r.error ?? 'error')}">${esc(evidence)}</error>`;
    else if (c.status === 'notRun') body = '<skipped/>';
    return `    <testcase classname="${esc(r.exercise.id)}" name="${esc(name)}" time="${time}">${body}<system-out>${esc(evidence)}</system-out></testcase>`;
  });
  const t = r.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tssr-lab" tests="${r.criteria.length}" failures="${t.failed}" errors="${t.errors}">`,
    `  <testsuite name="${esc(r.exercise.title)}" tests="${r.criteria.length}" failures="${t.failed}" errors="${t.errors}" skipped="${t.notRun}" timestamp="${r.startedAt}" time="${(r.durationMs / 1000).toFixed(3)}" hostname="${esc(r.target)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
