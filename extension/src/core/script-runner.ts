import { spawnLazily } from './lazy-spawn';
import { TransportError } from './errors';
import { t, type Lang } from './i18n';

/** Where a script's output goes as it runs, and how to stop it. */
export interface ScriptIo {
  onStdout(chunk: string): void;
  onStderr(chunk: string): void;
  signal?: AbortSignal;
  lang?: Lang;
}

/** Runs an exercise's lifecycle scripts (setup, solution.apply, cleanup) as root on a target. */
export interface ScriptRunner {
  /** Human-readable target, as in reports. */
  readonly label: string;
  /**
   * Runs the bash script text as root (`bash -s`, the script on stdin); resolves with its exit status (null when
   * killed or when the connection dropped). Rejects with a TransportError when it cannot start or root is refused.
   */
  runScript(script: string, io: ScriptIo): Promise<{ code: number | null }>;
  dispose(): Promise<void>;
}

/** Whether sudo said it would need a password (`-n`) or a terminal: root is out of reach without the user's help. */
export function sudoRefused(code: number | null, stderr: string): boolean {
  return code === 1 && /sudo: (a password is required|a terminal is required|.*password.*required)/i.test(stderr);
}

/**
 * Runs scripts on this machine: as root directly, else through sudo. On a terminal sudo may ask the password
 * itself (it reads /dev/tty, not the script on stdin); off a terminal `sudo -n` fails at once instead of hanging.
 */
export class LocalScriptRunner implements ScriptRunner {
  readonly label = 'local';

  constructor(
    private readonly interactive: boolean,
    private readonly uid = process.getuid?.() ?? 0,
  ) {}

  /** The argv that runs a script read on stdin as root. */
  argv(): string[] {
    if (this.uid === 0) return ['bash', '-s'];
    return ['sudo', ...(this.interactive ? [] : ['-n']), '--', 'bash', '-s'];
  }

  runScript(script: string, io: ScriptIo): Promise<{ code: number | null }> {
    const lang = io.lang ?? 'fr';
    const [cmd, ...args] = this.argv();
    return new Promise((resolve, reject) => {
      const p = spawnLazily(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: io.signal });
      let stderr = '';
      p.stdout.setEncoding('utf8').on('data', io.onStdout);
      p.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-4096);
        io.onStderr(d);
      });
      p.on('error', (e: NodeJS.ErrnoException) => {
        if (e.name === 'AbortError') return resolve({ code: null });
        reject(new TransportError('SCRIPT_START', t(lang, e.code === 'ENOENT' && cmd === 'sudo' ? 'start.noSudo' : 'start.cannotRun', cmd, e.message)));
      });
      p.on('close', (code) => {
        if (cmd === 'sudo' && sudoRefused(code, stderr)) return reject(new TransportError('SUDO_REFUSED', t(lang, 'start.sudoRefused', 'local')));
        resolve({ code });
      });
      p.stdin.on('error', () => undefined); // a script may exit before reading all of itself
      p.stdin.end(script);
    });
  }

  async dispose(): Promise<void> {
    /* nothing held */
  }
}
