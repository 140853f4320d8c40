import { dirname } from 'node:path';
import { runTool, type ToolRun } from './run-tool';

/** The validators a `configTest` check runs. */
export type Validator = 'nginx' | 'apache' | 'named' | 'namedZone' | 'sshd' | 'visudo' | 'rsyslog' | 'postfix' | 'zabbixAgent' | 'keaDhcp4';

/** What a validator is given: the file to check (its default file otherwise) and, for a zone, its name. */
export interface ValidatorArgs {
  file?: string;
  zone?: string;
}

/** Each validator's argv and the Debian package that installs it. */
export const VALIDATORS: Record<Validator, { argv: (a: ValidatorArgs) => string[]; package: string }> = {
  nginx: { argv: (a) => ['nginx', '-t', ...(a.file ? ['-c', a.file] : [])], package: 'nginx' },
  apache: { argv: (a) => ['apachectl', ...(a.file ? ['-t', '-f', a.file] : ['configtest'])], package: 'apache2' },
  named: { argv: (a) => ['named-checkconf', ...(a.file ? [a.file] : [])], package: 'bind9-utils' },
  namedZone: { argv: (a) => ['named-checkzone', a.zone ?? '', a.file ?? ''], package: 'bind9-utils' },
  sshd: { argv: (a) => ['sshd', '-t', ...(a.file ? ['-f', a.file] : [])], package: 'openssh-server' },
  visudo: { argv: (a) => ['visudo', '-c', ...(a.file ? ['-f', a.file] : [])], package: 'sudo' },
  rsyslog: { argv: (a) => ['rsyslogd', '-N1', ...(a.file ? ['-f', a.file] : [])], package: 'rsyslog' },
  // postfix takes a configuration folder: the file's folder (main.cf and master.cf live together).
  postfix: { argv: (a) => ['postfix', ...(a.file ? ['-c', dirname(a.file)] : []), 'check'], package: 'postfix' },
  // -T (--test-config) validates the file; -t tests one item key and would need an item.
  // Zabbix 6.0 (Debian 12) has no -T: -p parses the configuration first and stops at its first bad line.
  zabbixAgent: { argv: (a) => ['zabbix_agentd', ...(a.file ? ['-c', a.file] : []), '-p'], package: 'zabbix-agent' },
  keaDhcp4: { argv: (a) => ['kea-dhcp4', '-t', a.file ?? '/etc/kea/kea-dhcp4.conf'], package: 'kea-dhcp4-server' },
};

/**
 * Where validators say the error is, most specific first: nginx `in /f:12`, apache `line 12 of /f:`,
 * sshd `/f: line 12:`, rsyslog `file /f, on or before line 12`, visudo `/f:12:5:` or `/f: syntax error near line 12`,
 * postfix `/f, line 12`, zabbix `config file "/f", line 12`, bind and kea `/f:12:`.
 */
const LOCATIONS: RegExp[] = [
  /config file "(?<path>[^"]+)", line (?<line>\d+)/,
  /line (?<line>\d+) of (?<path>[^\s:]+):/,
  /file '?(?<path>[^\s',]+)'?, on or before line (?<line>\d+)/,
  /(?<path>\/[^\s:,]*): (?:syntax error near )?line (?<line>\d+)/,
  / in (?<path>\/[^\s:]+):(?<line>\d+)/,
  /(?<path>\/[^\s:,]+), line (?<line>\d+)/,
  // A path has a slash or a dot: "12:30" in a timestamp is no location.
  /(?<path>[^\s:'"(),]*[./][^\s:'"(),]*):(?<line>\d+)/,
];

/** A validator's verdict: whether it accepted the configuration, and the first error it located. */
export interface ValidatorVerdict {
  valid: boolean;
  code: number | null;
  detail: string;
  path?: string;
  line?: number;
}

/** Finds the first located error in a validator's output; the detail is that line, or the last line printed. */
export function locateError(output: string): { detail: string; path?: string; line?: number } {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const re of LOCATIONS) {
    for (const l of lines) {
      const m = re.exec(l);
      if (m?.groups) return { detail: l.slice(0, 500), path: m.groups.path, line: Number(m.groups.line) };
    }
  }
  return { detail: (lines[lines.length - 1] ?? '').slice(0, 500) };
}

/** Reads a validator's run as a verdict; other outcomes (missing tool, spawn failure, abort) are passed on. */
export function verdictOf(run: ToolRun): ValidatorVerdict | Exclude<ToolRun, { kind: 'ran' }> {
  if (run.kind !== 'ran') return run;
  const valid = run.code === 0;
  // stderr first: that is where validators write their errors; a valid run's notes are kept without a location.
  const located = locateError(run.stderr + '\n' + run.stdout);
  return valid ? { valid, code: run.code, detail: located.detail } : { valid, code: run.code, ...located };
}

/** Runs a validator (argv, process group killed on timeout). */
export function runValidator(tool: Validator, args: ValidatorArgs, signal: AbortSignal): Promise<ToolRun> {
  return runTool(VALIDATORS[tool].argv(args), signal);
}
