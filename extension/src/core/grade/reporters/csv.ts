import type { Evaluation } from '../../../../../schemas/generated/types';
import { t } from '../../i18n';
import type { EvaluationReporter } from './types';

/** One CSV field (RFC 4180), defused against spreadsheet formulas (a leading = + - @ becomes text). */
function field(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Points per exercise for one host (empty when the host has no run of it). */
function pointsOf(ev: Evaluation, hostIndex: number, exerciseId: string): string | number {
  const run = ev.hosts[hostIndex].runs.find((r) => r.exercise.id === exerciseId);
  return run ? run.totals.earned : '';
}

/**
 * Moodle's grade import layout: one row per candidate, an identifier column to map to the user's "ID number",
 * then one column per grade item (each exercise, and the total), which the import maps to grade items.
 */
export const csvReporter: EvaluationReporter = {
  format: 'csv',
  render: (ev, { lang }) => {
    const head = ['ID number', 'Full name', ...ev.exercises.map((e) => e.title), t(lang, 'grade.csv.total'), t(lang, 'grade.csv.status')];
    const rows = ev.hosts.map((h, i) => [
      h.candidate.id,
      h.candidate.name,
      ...ev.exercises.map((e) => pointsOf(ev, i, e.id)),
      h.totals?.earned ?? 0,
      t(lang, `grade.host.${h.status}` as const),
    ]);
    // CRLF line ends, as RFC 4180 and spreadsheet imports expect.
    return [{ name: 'notes-moodle.csv', content: [head, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n' }];
  },
};
