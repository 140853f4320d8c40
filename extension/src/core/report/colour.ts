/** Colours of the text report; the plain set returns text unchanged. */
export interface Paint {
  ok(s: string): string;
  fail(s: string): string;
  warn(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`;

/** No colour: a pipe, a file, NO_COLOR. */
export const PLAIN: Paint = { ok: (s) => s, fail: (s) => s, warn: (s) => s, dim: (s) => s, bold: (s) => s };

/** ANSI colours for a terminal. */
export const ANSI: Paint = { ok: sgr(32, 39), fail: sgr(31, 39), warn: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };

/**
 * Whether to colour (https://no-color.org, FORCE_COLOR as Node reads it): NO_COLOR set and not empty → never;
 * FORCE_COLOR → unless it is 0 or false; else only on a terminal.
 */
export function wantsColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  return isTTY === true;
}
