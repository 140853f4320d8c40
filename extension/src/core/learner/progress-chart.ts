import { t, type Lang, type MessageKey } from '../i18n';
import type { CompetenceProgress } from './progress';

/** Escapes text for HTML and SVG. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const BAR_WIDTH = 240;

/** One competence's bar: the share of its critères passed, coloured by the theme (CSS variables set on the page). */
function bar(c: CompetenceProgress, lang: Lang): string {
  const share = c.possible ? c.passed / c.possible : 0;
  const label = c.possible ? t(lang, 'learner.progressBar', c.passed, c.possible) : t(lang, 'learner.progressNone');
  return [
    `<svg class="bar" role="img" aria-label="${escapeHtml(`${c.id} : ${label}`)}" width="${BAR_WIDTH}" height="14" viewBox="0 0 ${BAR_WIDTH} 14">`,
    `<rect class="track" x="0" y="1" width="${BAR_WIDTH}" height="12" rx="3"></rect>`,
    c.possible ? `<rect class="done" x="0" y="1" width="${Math.round(share * BAR_WIDTH)}" height="12" rx="3"></rect>` : '',
    '</svg>',
  ].join('');
}

/** The progress chart: the 20 competences by block, each with its bar, its critères passed over possible and the jury-only ones. */
export function progressChartHtml(rows: CompetenceProgress[], lang: Lang): string {
  const blocks: string[] = [];
  for (const block of [...new Set(rows.map((r) => r.block))]) {
    const items = rows
      .filter((r) => r.block === block)
      .map((c) => {
        const label = c.possible ? t(lang, 'learner.progressBar', c.passed, c.possible) : t(lang, 'learner.progressNone');
        const jury = c.jury ? `<span class="jury">${escapeHtml(t(lang, 'learner.progressJury', c.jury))}</span>` : '';
        return [
          `<li class="competence${c.possible ? '' : ' empty'}" data-id="${escapeHtml(c.id)}">`,
          `<span class="name"><b>${escapeHtml(c.id)}</b> ${escapeHtml(c.title)}</span>`,
          `${bar(c, lang)}<span class="count">${escapeHtml(label)} ${jury}</span></li>`,
        ].join('');
      });
    blocks.push(`<section><h2>${escapeHtml(t(lang, `learner.block.${block}` as MessageKey))}</h2><ul>${items.join('')}</ul></section>`);
  }
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const possible = rows.reduce((n, r) => n + r.possible, 0);
  const earned = rows.reduce((n, r) => n + r.earned, 0);
  const points = rows.reduce((n, r) => n + r.points, 0);
  return `<p class="total">${escapeHtml(t(lang, 'learner.progressTotal', passed, possible, earned, points))}</p>${blocks.join('')}`;
}
