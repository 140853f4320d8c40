import { diskSource, readConfigText, parseIni, parseKeyValue, type ConfigEntry } from './config-files';
import { parseNginxDump, walkApache, walkSshd } from './config-daemons';
import { runTool, type ToolRun } from './run-tool';

/** The configuration formats a `configKey` check reads. */
export type ConfigFormat = 'sshd' | 'ini' | 'keyValue' | 'loginDefs' | 'nginx' | 'apache';

/** Where each format is read when the check gives no path. */
export const DEFAULT_CONFIG: Record<ConfigFormat, string | undefined> = {
  sshd: '/etc/ssh/sshd_config',
  loginDefs: '/etc/login.defs',
  apache: '/etc/apache2/apache2.conf',
  nginx: undefined,
  ini: undefined,
  keyValue: undefined,
};

/**
 * A configuration as read: its settings in reading order, plus for sshd the effective values `sshd -T` computed
 * (lowercase key → values, one per output line); or why it could not be read.
 */
export type ConfigRead =
  | { kind: 'entries'; entries: ConfigEntry[]; effective?: Map<string, string[]> }
  | { kind: 'unreadable'; path: string; error: string }
  | { kind: 'missingTool'; tool: string; package: string }
  | { kind: 'toolFailed'; tool: string; code: number | null; detail: string }
  /** Read refused to a non-root agent (a 0600 file, host keys `sshd -T` must load). */
  | { kind: 'needsRoot'; what: string; detail: string }
  | { kind: 'aborted' };

/** The last lines of a tool's error output: what a learner needs to see, bounded. */
export function tail(text: string, lines = 3): string {
  return text.trim().split('\n').slice(-lines).join('\n').slice(0, 500);
}

/** A tool run that did not succeed, as a ConfigRead; null when it exited 0. */
function toolProblem(run: ToolRun, tool: string, pkg: string): ConfigRead | null {
  if (run.kind === 'aborted') return run;
  if (run.kind === 'missing') return { kind: 'missingTool', tool, package: pkg };
  if (run.kind === 'failed') return { kind: 'toolFailed', tool, code: null, detail: run.error };
  if (run.code === 0) return null;
  const detail = tail(run.stderr || run.stdout);
  // As a user, sshd -T and nginx -T stop on files only root may open (host keys, logs): say so, not "invalid".
  return isRoot() ? { kind: 'toolFailed', tool, code: run.code, detail } : { kind: 'needsRoot', what: tool, detail };
}

/** Whether the agent runs as root. */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Parses `sshd -T` output: one `keyword value` per line, a keyword repeated for each of its values. */
export function parseSshdT(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of text.split('\n')) {
    const m = /^(\S+)\s?(.*)$/.exec(row.trim());
    if (!m) continue;
    const values = map.get(m[1]) ?? [];
    values.push(m[2]);
    map.set(m[1], values);
  }
  return map;
}

/** Reads one configuration in a format; a daemon's own dump (`sshd -T`, `nginx -T`) when it has one. */
/** The connection an sshd value is computed for (`sshd -T -C`): Match blocks apply to it. */
export interface SshdConnection {
  user: string;
  host?: string;
  addr?: string;
}

/** `-C user=…,host=…,addr=…`; the fields are checked by the schema (no comma can get in). */
export function connectionSpec(c: SshdConnection): string {
  return `user=${c.user},host=${c.host ?? 'tssr-lab.invalid'},addr=${c.addr ?? '192.0.2.10'}`;
}

export async function readConfig(format: ConfigFormat, path: string | undefined, signal: AbortSignal, connection?: SshdConnection): Promise<ConfigRead> {
  const files = diskSource(signal);
  const file = path ?? DEFAULT_CONFIG[format];
  switch (format) {
    case 'sshd': {
      const run = await runTool(['sshd', '-T', '-f', file!, ...(connection ? ['-C', connectionSpec(connection)] : [])], signal);
      const problem = toolProblem(run, 'sshd', 'openssh-server');
      if (problem) return problem;
      return { kind: 'entries', entries: await walkSshd(file!, files), effective: parseSshdT((run as { stdout: string }).stdout) };
    }
    case 'nginx': {
      const run = await runTool(['nginx', '-T', ...(file ? ['-c', file] : [])], signal);
      const problem = toolProblem(run, 'nginx', 'nginx');
      if (problem) return problem;
      return { kind: 'entries', entries: parseNginxDump((run as { stdout: string }).stdout) };
    }
    default: {
      const read = await readConfigText(file!, signal);
      if ('error' in read) {
        return read.error === 'EACCES' && !isRoot()
          ? { kind: 'needsRoot', what: file!, detail: read.error }
          : { kind: 'unreadable', path: file!, error: read.error };
      }
      if (format === 'apache') return { kind: 'entries', entries: await walkApache(file!, files) };
      return { kind: 'entries', entries: format === 'ini' ? parseIni(read.text, file!) : parseKeyValue(read.text, file!) };
    }
  }
}
