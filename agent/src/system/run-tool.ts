import { execFile } from 'node:child_process';

/** How a tool run ended: its exit code and output, or `missing` when the program is not installed. */
export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

/** Options of one tool run. */
export interface ToolOptions {
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Bytes of stdout and stderr kept; past it the tool is killed and the run fails. */
  maxBytes?: number;
}

/**
 * Runs a program with an argv array (never a shell), C locale, a byte cap and the check's abort signal.
 * Never rejects: a missing program, a kill or an exit status are all part of the answer.
 */
export function runTool(file: string, args: string[], o: ToolOptions): Promise<ToolRun> {
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C', ...o.env };
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { signal: o.signal, env, maxBuffer: o.maxBytes ?? 4 * 1024 * 1024, killSignal: 'SIGKILL', encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (e && e.code === 'ENOENT') return resolve({ code: null, stdout: '', stderr: '', missing: true });
        const code = e ? (typeof e.code === 'number' ? e.code : null) : 0;
        const why = e && code === null ? `${e.message}\n` : '';
        resolve({ code, stdout: String(stdout), stderr: why + String(stderr), missing: false });
      },
    );
  });
}

/** Whether a tool's complaint says it lacks privileges (EPERM/EACCES wording of nft, iptables, ufw, slapd tools). */
export function deniedByPrivilege(text: string): boolean {
  return /operation not permitted|permission denied|you must be root|need to be root|are you root/i.test(text);
}
