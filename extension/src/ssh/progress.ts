import { t, type Lang } from '../core/i18n';

/** What the SSH transport did that a user may want to know, as data; the CLI and the editor word it. */
export type SshProgress = { kind: 'agentUploaded'; file: string } | { kind: 'hostKeyRecorded'; fingerprint: string; knownHostsFile: string };

/** A progress event in the user's language, from the catalogue. */
export function progressText(lang: Lang, p: SshProgress): string {
  return p.kind === 'agentUploaded' ? t(lang, 'ssh.agentUploaded', p.file) : t(lang, 'ssh.hostKeyRecorded', p.fingerprint, p.knownHostsFile);
}
