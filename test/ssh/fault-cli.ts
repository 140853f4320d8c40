import { spawn } from 'node:child_process';
import { CLI } from '../helpers/paths';

export interface CliRun {
  code: number | null;
  out: string;
  ms: number;
  faultMs?: number;
}

/** Runs `tssr-lab check` over SSH; `fault` is called once when stdout first shows the quick critère's result. */
export function cli(dir: string, target: string[], env: NodeJS.ProcessEnv = {}, fault?: () => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    let faultAt: number | undefined;
    let out = '';
    const child = spawn(process.execPath, [CLI, 'check', dir, ...target], {
      env: { ...process.env, SSH_AUTH_SOCK: '', TSSR_LAB_LANG: '', LANG: 'C.UTF-8', ...env },
    });
    const take = (d: Buffer): void => {
      out += d.toString();
      if (fault && faultAt === undefined && out.includes('✔ rapide —')) {
        faultAt = Date.now();
        fault();
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started, faultMs: faultAt && Date.now() - faultAt }));
  });
}

/** One line per scenario, for the closing note's fault table. */
export function row(scenario: string, outcome: string, detectMs: number, kept: string): void {
  console.log(`      FAULT | ${scenario} | ${outcome} | detected in ${(detectMs / 1000).toFixed(1)} s | kept: ${kept}`);
}
