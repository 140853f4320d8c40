/** Languages of user-facing text; French first. */
export type Lang = 'fr' | 'en';

/** Picks the CLI's language: explicit choice (--lang), then TSSR_LAB_LANG, then LC_ALL/LANG; French by default. */
export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const v = explicit ?? env.TSSR_LAB_LANG ?? env.LC_ALL ?? env.LANG ?? 'fr';
  return v.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
