import { runTool } from './run-tool';

/** A tool run as the firewall, snmp, ldap and sql probes read it: exit code and output, or `missing`. */
export interface ExecRun {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

/** Options of one tool run. */
export interface ExecOptions {
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Bytes of stdout and of stderr kept. */
  maxBytes?: number;
}

/**
 * Runs a program with an argv array (never a shell) through runTool (C locale, process-group kill, byte cap);
 * never rejects: a missing program, a kill or an exit status are all part of the answer.
 */
export async function execTool(file: string, args: string[], o: ExecOptions): Promise<ExecRun> {
  const r = await runTool([file, ...args], o.signal, undefined, { env: o.env, maxBytes: o.maxBytes });
  switch (r.kind) {
    case 'ran':
      return { code: r.code, stdout: r.stdout, stderr: r.stderr, missing: false };
    case 'missing':
      return { code: null, stdout: '', stderr: '', missing: true };
    case 'failed':
      return { code: null, stdout: '', stderr: `${r.error}\n`, missing: false };
    case 'aborted':
      return { code: null, stdout: '', stderr: 'aborted\n', missing: false };
  }
}

/** Whether a tool's complaint says it lacks privileges (EPERM/EACCES wording of nft, iptables, ufw, slapd tools). */
export function deniedByPrivilege(text: string): boolean {
  return /operation not permitted|permission denied|you must be root|need to be root|are you root/i.test(text);
}
