import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLdif, type LdapEntry } from './ldif';
import { execTool } from './exec-tool';

/** One search to make with ldapsearch. */
export interface LdapSearch {
  uri: string;
  base: string;
  scope: 'base' | 'one' | 'sub';
  filter: string;
  attributes: string[];
  bindDn?: string;
  bindPassword?: string;
  timeoutMs: number;
  sizeLimit: number;
}

/** The entries found, or why the search could not be made. */
export type LdapOutcome =
  | { kind: 'entries'; entries: LdapEntry[]; truncated: boolean }
  | { kind: 'noSuchBase'; matched?: string }
  | { kind: 'bindFailed'; detail: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'noClient' }
  | { kind: 'failed'; error: string };

/** ldapsearch's argv: simple bind, LDIF without comments or wrapping, limits; the password only through `-y FILE`. */
export function ldapsearchArgs(s: LdapSearch, passFile?: string): string[] {
  const seconds = Math.max(1, Math.floor(s.timeoutMs / 2000));
  return [
    '-x',
    '-LLL',
    '-o',
    'ldif-wrap=no',
    '-o',
    `nettimeout=${seconds}`,
    '-l',
    String(seconds),
    '-z',
    String(s.sizeLimit),
    '-H',
    s.uri,
    '-b',
    s.base,
    '-s',
    s.scope,
    ...(s.bindDn !== undefined ? ['-D', s.bindDn, ...(passFile ? ['-y', passFile] : [])] : []),
    s.filter,
    ...s.attributes,
  ];
}

/**
 * Runs ldapsearch (ldap-utils). A bind password goes into a 0600 file of a private temp dir, removed afterwards:
 * on the command line every local user could read it in ps.
 */
export async function ldapSearch(s: LdapSearch, signal: AbortSignal): Promise<LdapOutcome> {
  const dir = s.bindPassword !== undefined ? await mkdtemp(join(tmpdir(), 'tssr-ldap-')) : undefined;
  try {
    const passFile = dir ? join(dir, 'pass') : undefined;
    if (passFile) await writeFile(passFile, s.bindPassword!, { mode: 0o600 });
    // LDAPNOINIT: the target's ldap.conf and ~/.ldaprc must not change the base, the TLS policy or the bind.
    const r = await execTool('ldapsearch', ldapsearchArgs(s, passFile), { signal, env: { LDAPNOINIT: '1' }, maxBytes: 8 * 1024 * 1024 });
    if (r.missing) return { kind: 'noClient' };
    const said = r.stderr.trim().slice(0, 300);
    if (r.code === 0 || r.code === 4) return { kind: 'entries', entries: parseLdif(r.stdout), truncated: r.code === 4 };
    if (r.code === 32) return { kind: 'noSuchBase', matched: /Matched DN: (.*)/.exec(r.stderr)?.[1] };
    if (r.code === 49 || r.code === 48 || r.code === 53) return { kind: 'bindFailed', detail: said };
    if (r.code === 255 || r.code === 81 || r.code === 91) return { kind: 'unreachable', detail: said };
    return { kind: 'failed', error: said || `exit ${r.code}` };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
