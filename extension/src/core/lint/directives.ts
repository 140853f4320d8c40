import type { LineIndex } from './lines';

/** Codes silenced by inline directives: per line, and for the whole file. */
export interface Silenced {
  lines: Map<number, Set<string>>;
  file: Set<string>;
}

const OWN = /#\s*tssr-lab-disable(-next-line)?\s+([A-Za-z0-9,\s-]+)/;
const SHELLCHECK = /#\s*shellcheck\s+disable=([A-Z0-9,]+)/i;
const CANDIDATE = /#\s*(?:tssr-lab-disable|shellcheck\s+disable=)/gi;

/**
 * Reads `# tssr-lab-disable-next-line CODE[,CODE]`, `# tssr-lab-disable CODE` (whole file) and ShellCheck's
 * `# shellcheck disable=SC…` (next line). Findings they cover are still reported, flagged as suppressed.
 */
export function readDirectives(lines: LineIndex): Silenced {
  const silenced: Silenced = { lines: new Map(), file: new Set() };
  const add = (line: number, codes: string[]): void => {
    const set = silenced.lines.get(line) ?? new Set<string>();
    codes.forEach((c) => set.add(c.toUpperCase()));
    silenced.lines.set(line, set);
  };
  // Only lines where a directive keyword appears are read (one regex pass over the text, not one per line).
  let last = 0;
  for (const m of lines.text.matchAll(CANDIDATE)) {
    const line = lines.position(m.index!).line;
    if (line === last) continue;
    last = line;
    const text = lines.lineText(line);
    const own = OWN.exec(text);
    if (own) {
      const codes = own[2].split(/[,\s]+/).filter(Boolean);
      if (own[1]) add(line + 1, codes);
      else codes.forEach((c) => silenced.file.add(c.toUpperCase()));
    }
    const sc = SHELLCHECK.exec(text);
    if (sc) add(line + 1, sc[1].split(','));
  }
  return silenced;
}

/** Whether a finding on `line` with `code` is silenced. */
export function isSilenced(s: Silenced, line: number, code: string): boolean {
  return s.file.has(code) || Boolean(s.lines.get(line)?.has(code));
}

/**
 * Blanks ShellCheck's own directives (same length, so offsets hold) before running it,
 * so that what a learner silenced still reaches the evaluator, flagged as suppressed.
 */
export function blankShellcheckDirectives(text: string): string {
  return text.replace(/#\s*shellcheck\s+disable=[A-Z0-9,]+/gi, (m) => '#' + ' '.repeat(m.length - 1));
}
