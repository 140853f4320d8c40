import { Command, CommanderError, Option } from 'commander';
import { LabError, PackError, TransportError, UsageError } from '../core/errors';
import { detectLang, t, type Lang } from '../core/i18n';
import { EXIT } from './exit';
import { mark, timingsEnabled, timingsLine } from './timings';

// Each command's module is required when the command runs: a `check` never loads the lint engine, a `lint` never
// loads pack validation.

/** CLI version, injected by the bundler. */
declare const CLI_VERSION: string;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

// File-system errors that mean the user named a path that cannot be used: input, not target, errors.
const INPUT_ERRNO = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'ELOOP']);

/** Prints an error once, with the stack only when TSSR_LAB_DEBUG is set; returns the exit code. */
function fatal(e: unknown, err: (s: string) => void, lang: Lang): number {
  const debug = process.env.TSSR_LAB_DEBUG ? `\n${(e as Error).stack}` : '';
  const errno = e as NodeJS.ErrnoException;
  if (!(e instanceof LabError) && errno?.path && INPUT_ERRNO.has(errno.code ?? '')) {
    err(`tssr-lab: ${t(lang, 'usage.unusablePath', errno.path)}${debug}`);
    return EXIT.usage;
  }
  err(`tssr-lab: ${(e as Error).message ?? String(e)}${debug}`);
  if (e instanceof TransportError) return EXIT.transport;
  if (e instanceof UsageError || e instanceof PackError) return EXIT.usage;
  if (e instanceof LabError) return EXIT.transport;
  return EXIT.transport;
}

/** The CLI entry, testable: takes argv (without node and script) and returns the exit code. */
export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  mark('bundle');
  let code = 0;
  const program = new Command('tssr-lab')
    .description('TSSR Lab: vérifie des exercices TSSR sur une machine locale ou distante / checks TSSR exercises on a local or remote machine')
    .addOption(new Option('--lang <lang>', 'fr | en').choices(['fr', 'en']))
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });

  program.command('validate')
    .description('valide un pack ou un exercice / validate a pack or exercise')
    .argument('<path>', 'pack or exercise folder')
    .action((path: string) => {
      const { validatePath } = require('./validate') as typeof import('./validate');
      code = validatePath(path, detectLang(program.opts().lang), out);
    });

  program.command('check')
    .description('lance les vérifications d’un exercice / run an exercise’s checks')
    .argument('<exercise>', 'exercise folder')
    .option('-t, --target <target>', 'local | ssh://user@host[:port]', 'local')
    .option('-i, --identity <file>', 'SSH private key')
    .option('--known-hosts <file>', 'known_hosts file (default ~/.ssh/known_hosts)')
    .option('--accept-new', 'trust and record an unknown host key (never a changed one)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .option('--solution', 'check the reference solution’s files instead of the learner’s')
    .option('--only <ids...>', 'only these critère ids')
    .option('--concurrency <n>', 'checks run at once on the target (1-64, default 4)')
    .option('--sudo', 'run the agent as root with sudo -n on an SSH target (needs a NOPASSWD rule)')
    .action(async (path: string, o) => {
      const { check } = require('./check') as typeof import('./check');
      code = await check(path, { ...o, lang: detectLang(program.opts().lang) }, out, err);
    });

  program.command('start')
    .description('prépare la cible pour un exercice (script setup) / prepare the target for an exercise (setup script)')
    .argument('<exercise>', 'exercise folder')
    .option('-t, --target <target>', 'local | ssh://user@host[:port]', 'local')
    .option('-i, --identity <file>', 'SSH private key')
    .option('--known-hosts <file>', 'known_hosts file (default ~/.ssh/known_hosts)')
    .option('--accept-new', 'trust and record an unknown host key (never a changed one)')
    .option('-y, --yes', 'run without asking for confirmation (required off a terminal)')
    .action(async (path: string, o) => {
      const { start } = require('./start') as typeof import('./start');
      code = await start(path, { ...o, lang: detectLang(program.opts().lang) }, out, err);
    });

  program.command('pack')
    .description('outils pour les formateurs / tools for trainers')
    .command('test')
    .description('prouve chaque exercice sur un conteneur neuf : échoue au départ, réussit avec la solution / prove each exercise on a fresh container')
    .argument('<pack>', 'pack folder (or one exercise folder)')
    .option('-e, --exercise <ids...>', 'only these exercise ids')
    .option('--keep', 'keep the containers running afterwards, to look inside')
    .option('-j, --jobs <n>', 'containers at a time', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError('BAD_JOBS', `--jobs: 1…16`);
      return n;
    }, 2)
    .action(async (path: string, o) => {
      const { packTest } = require('./pack-test') as typeof import('./pack-test');
      code = await packTest(path, { ...o, lang: detectLang(program.opts().lang) }, out, err);
    });

  program.command('lint')
    .description('analyse des scripts bash et PowerShell / analyse bash and PowerShell scripts')
    .argument('<files...>', 'scripts (.sh, .bash, .ps1, .psm1, or with a shebang)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--no-shellcheck', 'do not run ShellCheck')
    .option('--shellcheck-path <path>', 'ShellCheck binary', 'shellcheck')
    .option('--ignore <codes...>', 'rule codes to leave out (TSSR-… or SC…)')
    .action(async (files: string[], o) => {
      const { lint } = require('./lint') as typeof import('./lint');
      code = await lint(files, { ...o, lang: detectLang(program.opts().lang) }, out, err, VERSION);
    });

  program.command('rules')
    .description('liste ou explique les règles / list or explain the rules')
    .argument('[code]', 'a rule code, e.g. TSSR-B004 or PSAvoidUsingCmdletAliases')
    .action((ruleCode?: string) => {
      const { explainRules } = require('../core/lint/format') as typeof import('../core/lint/format');
      const lines = explainRules(ruleCode, detectLang(program.opts().lang));
      if (!lines.length) throw new UsageError('UNKNOWN_RULE', `unknown rule ${ruleCode}`);
      lines.forEach((l) => out(l));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage;
    return fatal(e, err, detectLang(program.opts().lang));
  } finally {
    if (timingsEnabled) err(timingsLine());
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((c) => { process.exitCode = c; });
}
