import type { Evaluation } from '../../../../schemas/generated/types';
import { t, type Lang } from '../i18n';
import { esc, gridOf, page, possiblePoints, rowsByCritere } from './html-common';

/** A cell's mark, besides its colour (a grid printed in black and white stays readable). */
const SYMBOL = { passed: '✔', failed: '✘', error: '!', notRun: '–', pending: '…', jury: 'J' } as const;

/** Per référentiel critère: how many candidates passed it (every exercise critère citing it passed). */
export function passRates(ev: Evaluation): Array<{ id: string; passed: number; graded: number }> {
  const ids = gridOf(ev).flatMap((b) => b.competences.flatMap((c) => c.criteres));
  return ids.map((id) => {
    let passed = 0;
    let graded = 0;
    for (const h of ev.hosts) {
      const rows = (rowsByCritere(ev, h).get(id) ?? []).filter((r) => r.assessment !== 'jury');
      if (!rows.length || h.status === 'pending') continue;
      graded++;
      if (rows.every((r) => r.criterion.status === 'passed')) passed++;
    }
    return { id, passed, graded };
  });
}

/** Per competence: the average share of its points earned over the graded candidates, 0–100. */
export function competenceAverages(ev: Evaluation): Array<{ id: string; title: string; percent: number | undefined }> {
  return gridOf(ev).flatMap((b) =>
    b.competences.map((c) => {
      const shares = ev.hosts
        .filter((h) => h.status !== 'pending')
        .flatMap((h) => {
          const rows = c.criteres.flatMap((id) => rowsByCritere(ev, h).get(id) ?? []).filter((r) => r.assessment !== 'jury');
          const possible = rows.reduce((n, r) => n + r.criterion.points, 0);
          return possible ? [rows.reduce((n, r) => n + r.criterion.earned, 0) / possible] : [];
        });
      return { id: c.id, title: c.title, percent: shares.length ? Math.round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length) : undefined };
    }),
  );
}

/** An inline SVG bar chart of pass rates, one bar per critère. */
function chart(rates: Array<{ id: string; passed: number; graded: number }>, lang: Lang): string {
  const bar = 18;
  const width = 520;
  const rows = rates.map((r, i) => {
    const share = r.graded ? r.passed / r.graded : 0;
    const y = i * (bar + 4);
    const label = `${r.id} : ${r.passed}/${r.graded}`;
    return (
      `<text x="0" y="${y + 13}" font-size="10">${esc(r.id)}</text>` +
      `<rect x="70" y="${y}" width="${Math.round(share * 360)}" height="${bar}" fill="${share >= 0.5 ? '#1e7b34' : '#b3261e'}"><title>${esc(label)}</title></rect>` +
      `<text x="${76 + Math.round(share * 360)}" y="${y + 13}" font-size="10">${Math.round(share * 100)} % (${r.passed}/${r.graded})</text>`
    );
  });
  const height = rates.length * (bar + 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(t(lang, 'grade.html.chart'))}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg>`;
}

/** The class summary: candidates × critères in heat-map colours, pass rates per critère, averages per competence. */
export function classSummary(ev: Evaluation, lang: Lang): string {
  const ids = gridOf(ev).flatMap((b) => b.competences.flatMap((c) => c.criteres));
  const head = ids.map((id) => `<th class="rot">${esc(id)}</th>`).join('');
  const body = ev.hosts.map((h) => {
    const rows = rowsByCritere(ev, h);
    const cells = ids.map((id) => {
      const list = rows.get(id) ?? [];
      const status =
        h.status === 'pending'
          ? 'pending'
          : list.every((r) => r.assessment === 'jury')
            ? 'jury'
            : worst(list.filter((r) => r.assessment !== 'jury').map((r) => r.criterion.status));
      const label = t(lang, status === 'jury' ? 'grade.html.jury' : status === 'pending' ? 'grade.host.pending' : (`status.${status}` as const));
      return `<td class="cell c-${status}" title="${esc(`${h.candidate.name} · ${id} · ${label}`)}">${SYMBOL[status]}</td>`;
    });
    const total =
      h.status === 'done' && h.totals
        ? `${h.totals.earned} / ${h.totals.points}`
        : `${h.totals?.earned ?? 0} / ${h.totals?.points ?? possiblePoints(ev)} (${t(lang, `grade.host.${h.status}` as const)})`;
    return `<tr><td>${esc(h.candidate.name)} <span class="meta">(${esc(h.candidate.id)})</span></td><td class="num">${esc(total)}</td>${cells.join('')}</tr>`;
  });
  const averages = competenceAverages(ev)
    .map((c) => `<tr><td>${esc(c.id)} — ${esc(c.title)}</td><td class="num">${c.percent === undefined ? '—' : `${c.percent} %`}</td></tr>`)
    .join('');
  const html = [
    `<h1>${esc(t(lang, 'grade.html.classTitle'))}</h1>`,
    `<p class="meta">${esc(t(lang, 'grade.html.classMeta', ev.session.id, ev.hosts.length, ev.session.startedAt.slice(0, 16).replace('T', ' ')))}</p>`,
    `<h2>${esc(t(lang, 'grade.html.heat'))}</h2><table class="heat"><thead><tr><th>${esc(t(lang, 'grade.html.col.candidate'))}</th><th>${esc(t(lang, 'grade.html.col.points'))}</th>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`,
    `<h2>${esc(t(lang, 'grade.html.chart'))}</h2>${chart(
      passRates(ev).filter((r) => r.graded > 0),
      lang,
    )}`,
    `<h2>${esc(t(lang, 'grade.html.averages'))}</h2><table><thead><tr><th>${esc(t(lang, 'grade.html.col.competence'))}</th><th>${esc(t(lang, 'grade.html.col.average'))}</th></tr></thead><tbody>${averages}</tbody></table>`,
  ];
  return page(t(lang, 'grade.html.classTitle'), lang, html.join('\n'));
}

/** The worst status of a critère's rows: failed, then error, then not run; passed only when all passed. */
function worst(statuses: string[]): 'passed' | 'failed' | 'error' | 'notRun' {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('error')) return 'error';
  if (!statuses.length || statuses.some((s) => s !== 'passed')) return 'notRun';
  return 'passed';
}
