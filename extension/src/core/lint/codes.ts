/** ShellCheck codes that the TSSR rules already cover; the TSSR finding wins and keeps the SC code as an alias. */
export const COVERED: Record<string, string> = {
  SC2086: 'TSSR-B004',
  SC2006: 'TSSR-B009',
  SC2162: 'TSSR-B012',
  SC2164: 'TSSR-B007',
  SC2115: 'TSSR-B005',
  SC2002: 'TSSR-B013',
  SC2148: 'TSSR-B001',
};

/** The ShellCheck codes a TSSR code stands for (so `# shellcheck disable=SC2086` also silences TSSR-B004). */
export function shellcheckTwins(code: string): string[] {
  return TWINS.get(code) ?? [];
}

const TWINS = new Map<string, string[]>();
for (const [sc, tssr] of Object.entries(COVERED)) TWINS.set(tssr, [...(TWINS.get(tssr) ?? []), sc]);

/** ShellCheck's wiki page of an SC code; TSSR codes carry their explanation in the rule itself (`tssr-lab rules CODE`). */
export function ruleUrl(code: string): string | undefined {
  return code.startsWith('SC') ? `https://www.shellcheck.net/wiki/${code}` : undefined;
}
