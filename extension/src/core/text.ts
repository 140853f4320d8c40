import type { LocalizedText } from '../../../schemas/generated/types';
import type { Lang } from './i18n';

/** Picks a pack text (its author’s words, not the catalogue’s) in the wanted language, falling back to French. */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text.fr;
}
