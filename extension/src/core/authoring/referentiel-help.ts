import { REFERENTIEL } from '../../../../schemas/generated/referentiel';
import { t, type Lang } from '../i18n';
import { wordAt } from './cursor';

/** A référentiel id offered by completion, with its official text as documentation. */
export interface RefItem {
  id: string;
  detail: string;
  documentation: string;
}

type Check = 'auto' | 'evidence' | 'jury';

/** Every critère de performance, in the référentiel's order. */
export function critereItems(lang: Lang): RefItem[] {
  return REFERENTIEL.competences.flatMap((c) =>
    c.criteres.map((k) => ({ id: k.id, detail: t(lang, 'authoring.critere', k.id, c.id), documentation: critereMarkdown(k.id, lang)! })),
  );
}

/** Every competence, in the référentiel's order. */
export function competenceItems(lang: Lang): RefItem[] {
  return REFERENTIEL.competences.map((c) => ({
    id: c.id,
    detail: t(lang, 'authoring.competence', c.id, c.block),
    documentation: competenceMarkdown(c.id, lang)!,
  }));
}

/** The official text of a critère and its competence, as Markdown; undefined for an unknown id. */
export function critereMarkdown(id: string, lang: Lang): string | undefined {
  for (const c of REFERENTIEL.competences) {
    const k = c.criteres.find((x) => x.id === id);
    if (k) return t(lang, 'authoring.critereHover', k.id, k.text, c.id, c.title, c.block, t(lang, `authoring.check.${k.check as Check}`));
  }
  return undefined;
}

/** A competence's title, block and critères, as Markdown; undefined for an unknown id. */
export function competenceMarkdown(id: string, lang: Lang): string | undefined {
  const c = REFERENTIEL.competences.find((x) => x.id === id);
  return c ? t(lang, 'authoring.competenceHover', c.id, c.title, c.block, c.criteres.length, c.criteres.map((k) => k.id).join(', ')) : undefined;
}

/** The hover on a référentiel id (`CP11.4`, `CCS2`) at an offset: its Markdown and the id's span. */
export function referentielHover(text: string, offset: number, lang: Lang): { markdown: string; start: number; end: number } | undefined {
  const { start, end, word } = wordAt(text, offset);
  if (!/^(CP|CCS)\d+(\.\d+)?$/.test(word)) return undefined;
  const markdown = (word.includes('.') ? critereMarkdown(word, lang) : competenceMarkdown(word, lang)) ?? t(lang, 'authoring.unknownId', word);
  return { markdown, start, end };
}
