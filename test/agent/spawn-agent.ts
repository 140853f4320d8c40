import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AGENT } from '../helpers/paths';

/** A running agent whose stdout lines can be awaited, for tests that signal it mid-run. */
export interface LiveAgent {
  child: ChildProcess;
  lines: string[];
  /** Resolves once a line satisfying `test` has arrived. */
  waitFor(test: (line: string) => boolean): Promise<string>;
  /** Resolves with the exit code (or signal) once the agent has exited. */
  exited: Promise<number | string | null>;
}

/** Starts the built agent with `serve`, writing `input` on stdin (stdin stays open unless `end`). */
export function startAgent(input: string, end = true): LiveAgent {
  const child = spawn(process.execPath, [AGENT, 'serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ test: (l: string) => boolean; resolve: (l: string) => void }> = [];
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stdin!.on('error', () => {
    /* the agent may stop reading first */
  });
  if (end) child.stdin!.end(input);
  else child.stdin!.write(input);
  const exited = new Promise<number | string | null>((r) => child.on('close', (code, sig) => r(code ?? sig)));
  const waitFor = (test: (l: string) => boolean): Promise<string> => {
    const seen = lines.find(test);
    return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ test, resolve }));
  };
  return { child, lines, waitFor, exited };
}

/** Temp workspace folders of one agent pid. */
export function workspacesOf(pid: number): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith(`tssr-lab-ws-${pid}-`));
}
