import type { Evaluation, HostEvaluation, Result } from '../../../../schemas/generated/types';
import { t, type Lang } from '../i18n';
import { describeMatcher } from '../i18n/describe';
import { referentiel } from '../referentiel';
import { esc, gridOf, page, possiblePoints, rowsByCritere, type Row } from './html-common';

const MAX_VALUE = 600;
const MAX_LINES = 12;

/** A value as the jury reads it: text as is (trimmed), anything else as compact JSON. */
function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

/** A file excerpt around the failing line, numbered like an editor, when the observed value is the file's text. */
function excerpt(r: Result): string {
  if (typeof r.actual !== 'string' || !r.line || !r.actual.includes('\n')) return '';
  const lines = r.actual.split('\n');
  const from = Math.max(0, r.line - 3);
  const to = Math.min(lines.length, r.line + 2);
  const body = lines
    .slice(from, to)
    .map((l, i) => `${String(from + i + 1).padStart(4)}${from + i + 1 === r.line ? ' ▶ ' : '   '}${l}`)
    .join('\n');
  return `<pre>${esc(body)}</pre>`;
}

/** Several lines of output or file, kept as lines (the first MAX_LINES), each clipped like a single value. */
function block(lines: string[], lang: Lang): string {
  const more = lines.length > MAX_LINES ? `\n${t(lang, 'grade.html.moreLines', lines.length - MAX_LINES)}` : '';
  return `<pre>${esc(lines.slice(0, MAX_LINES).map(shown).join('\n') + more)}</pre>`;
}

/** The evidence of one check's verdict: what it found, where, and how long it took. */
function evidence(r: Result, lang: Lang): string {
  const numbered = excerpt(r);
  const where = r.path ? ` — ${esc(r.line ? t(lang, 'grade.html.where', r.path, r.line) : t(lang, 'grade.html.whereFile', r.path))}` : '';
  const parts = [
    `<span class="${r.status === 'pass' ? 'passed' : r.status === 'fail' ? 'failed' : r.status === 'error' ? 'error' : 'notRun'}">${esc(r.message ?? r.property)}</span>${where}`,
    `<code>${esc(r.checkType)} · ${esc(r.property)}</code> · ${esc(t(lang, 'grade.html.duration', Math.round(r.durationMs)))}`,
  ];
  // The matcher worded as the learner's sentence words it (« correspond au motif … »), never its JSON.
  if (r.status !== 'pass' && r.expected !== undefined)
    parts.push(`${esc(t(lang, 'grade.html.expected'))} <code>${esc(shown(describeMatcher(lang, r.expected)))}</code>`);
  const lines = typeof r.actual === 'string' && !numbered ? r.actual.replace(/\n$/, '').split('\n') : [];
  if (lines.length > 1) parts.push(esc(t(lang, 'grade.html.observed')));
  else if (r.actual !== undefined && !numbered) parts.push(`${esc(t(lang, 'grade.html.observed'))} <code>${esc(shown(r.actual))}</code>`);
  return `<div class="evidence">${parts.join('<br>')}${numbered}${lines.length > 1 ? block(lines, lang) : ''}</div>`;
}

function statusCell(row: Row, lang: Lang): string {
  if (row.assessment === 'jury') return `<span class="jury">${esc(t(lang, 'grade.html.jury'))}</span>`;
  return `<span class="${row.criterion.status}">${esc(t(lang, `status.${row.criterion.status}` as const).toLocaleLowerCase(lang))}</span>`;
}

function juryBoxes(lang: Lang): string {
  return `<span class="box"></span>${esc(t(lang, 'grade.html.acquired'))}<span class="box"></span>${esc(t(lang, 'grade.html.notAcquired'))}<div class="write"></div>`;
}

/** One candidate's printable grid: bloc → competence → critère, status, points and the evidence of each verdict. */
export function candidateSection(ev: Evaluation, host: HostEvaluation, lang: Lang, trace?: string): string {
  const rows = rowsByCritere(ev, host);
  const c = host.candidate;
  const total = host.totals ?? { points: possiblePoints(ev), earned: 0 };
  const out: string[] = [
    `<section class="candidate"><h1>${esc(t(lang, 'grade.html.title'))} — ${esc(c.name)}</h1>`,
    `<p class="meta">${esc(t(lang, 'grade.html.meta', c.id, `${c.user ?? ''}${c.user ? '@' : ''}${c.host}${c.port ? ':' + c.port : ''}`, ev.session.id, ev.session.startedAt.slice(0, 16).replace('T', ' ')))}<br>`,
    `${esc(t(lang, 'grade.html.total', total.earned, total.points))} · <span class="${host.status === 'done' ? 'passed' : 'error'}">${esc(t(lang, `grade.host.${host.status}` as const))}</span>${host.error ? ` — ${esc(host.error.message)}` : ''}</p>`,
  ];
  for (const { block, competences } of gridOf(ev)) {
    out.push(`<h2>${esc(block.id)} — ${esc(block.title)}</h2>`);
    for (const comp of competences) {
      out.push(`<h3>${esc(comp.id)} — ${esc(comp.title)}</h3><table><thead><tr>`);
      out.push(
        ['critere', 'exercise', 'status', 'points', 'evidence'].map((k) => `<th>${esc(t(lang, `grade.html.col.${k}` as never))}</th>`).join('') +
          '</tr></thead><tbody>',
      );
      for (const id of comp.criteres) {
        for (const row of rows.get(id) ?? []) {
          const k = row.criterion;
          const proof = row.assessment === 'jury' ? juryBoxes(lang) : k.results.map((r) => evidence(r, lang)).join('') || esc(t(lang, 'grade.html.noEvidence'));
          out.push(
            `<tr><td><b>${esc(id)}</b> ${esc(referentiel.critere(id)?.text ?? '')}</td><td>${esc(row.exerciseTitle)} › ${esc(k.title)}</td>` +
              `<td>${statusCell(row, lang)}</td><td class="num">${row.assessment === 'jury' ? `… / ${k.points}` : `${k.earned} / ${k.points}`}</td><td>${proof}</td></tr>`,
          );
        }
      }
      out.push('</tbody></table>');
    }
  }
  out.push(`<h2>${esc(t(lang, 'grade.html.trace'))}</h2>`);
  out.push(trace ? `<pre>${esc(trace)}</pre>` : `<p class="meta">${esc(t(lang, 'grade.html.noTrace'))}</p>`);
  out.push(`<div class="sign"><div>${esc(t(lang, 'grade.html.jurySign'))}</div><div>${esc(t(lang, 'grade.html.candidateSign'))}</div></div></section>`);
  return out.join('\n');
}

/** A whole printable page for one candidate. */
export function candidateGrid(ev: Evaluation, hostIndex: number, lang: Lang, trace?: string): string {
  const host = ev.hosts[hostIndex];
  return page(`${t(lang, 'grade.html.title')} — ${host.candidate.name}`, lang, candidateSection(ev, host, lang, trace));
}
