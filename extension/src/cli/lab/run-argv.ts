import { spawn } from 'node:child_process';

/** What a command printed and how it ended. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program (argv array, no shell) and collects its output; never rejects on a non-zero exit. */
export function runArgv(cmd: string, args: string[], input?: string, timeoutMs = 120_000, env?: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout!.on('data', (d: Buffer) => {
      stdout += d;
    });
    p.stderr!.on('data', (d: Buffer) => {
      stderr += d;
    });
    p.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) {
      p.stdin!.on('error', () => undefined); // a program may exit without reading all of it
      p.stdin!.end(input);
    }
  });
}
