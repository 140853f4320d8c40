import { createInterface } from 'node:readline';
import { relative } from 'node:path';
import { UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { exerciseNames, hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { readSetup, setupPlanLines } from '../core/setup-plan';
import { EXIT } from './exit';
import { makeScriptRunner, type TargetFlags } from './transports';

/** Options of `tssr-lab start`. */
export interface StartOptions extends TargetFlags {
  lang: Lang;
  yes?: boolean;
}

/** How start talks to the person at the keyboard; injectable for tests. */
export interface Prompt {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

/** The process's terminal: interactive only when both stdin and stdout are terminals. */
export function terminalPrompt(): Prompt {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
        rl.once('close', () => resolve(''));
      }),
  };
}

/**
 * `tssr-lab start`: shows what the exercise's setup will change, asks for confirmation (or takes --yes), then runs it
 * as root on the target, streaming its output. Like Red Hat's `lab start`. Resolves to the exit code.
 */
export async function start(path: string, o: StartOptions, out: (s: string) => void, err: (s: string) => void, prompt = terminalPrompt()): Promise<number> {
  const target = loadTarget(path, o.lang);
  if (target.kind === 'pack') throw new UsageError('NOT_EXERCISE', t(o.lang, 'pack.isPack', path, exerciseNames(target.pack)));
  const ex = target.exercise;
  if (hasErrors(target.problems) || !ex.data) {
    target.problems.forEach((p) => err(formatProblem(p)));
    return EXIT.usage;
  }
  const targetLabel = o.target;
  const setup = readSetup(ex.dir, ex.data, o.lang);
  if (!setup) {
    out(t(o.lang, 'start.noSetup', ex.data.id));
    return EXIT.ok;
  }
  const { file, script } = setup;
  const shown = relative(process.cwd(), file) || file;
  setupPlanLines(ex.data.id, targetLabel, shown, script, o.lang).forEach((l) => out(l));
  if (!o.yes) {
    if (!prompt.interactive) throw new UsageError('CONFIRMATION_NEEDED', t(o.lang, 'start.needYes', shown));
    const answer = (await prompt.ask(t(o.lang, 'start.ask'))).trim().toLowerCase();
    if (!['o', 'oui', 'y', 'yes'].includes(answer)) {
      out(t(o.lang, 'start.cancelled'));
      return EXIT.failed;
    }
  }
  const runner = makeScriptRunner(o, o.lang, (l) => err(`tssr-lab: ${l}`), prompt.interactive);
  const started = Date.now();
  let code: number | null;
  try {
    out(t(o.lang, 'start.running', shown, runner.label));
    ({ code } = await runner.runScript(script, { onStdout: (s) => out(s.replace(/\n$/, '')), onStderr: (s) => err(s.replace(/\n$/, '')), lang: o.lang }));
  } finally {
    await runner.dispose();
  }
  if (code === null) {
    err(`tssr-lab: ${t(o.lang, 'start.interrupted', shown, runner.label)}`);
    return EXIT.transport;
  }
  if (code !== 0) {
    err(`tssr-lab: ${t(o.lang, 'start.failed', shown, runner.label, code)}`);
    return EXIT.transport;
  }
  const again = [relative(process.cwd(), ex.dir) || '.', ...(o.target === 'local' ? [] : ['--target', o.target])].join(' ');
  out(t(o.lang, 'start.done', ex.data.id, runner.label, ((Date.now() - started) / 1000).toFixed(1), again));
  return EXIT.ok;
}
