import { Command, CommanderError, Option } from 'commander';
import { LabError, PackError, TransportError, UsageError } from '../core/errors';
import { detectLang, t, type Lang } from '../core/i18n';
import { EXIT } from './exit';
import { argvLang, localizeCommander } from './commander-text';
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

const stdout = (s: string): void => console.log(s);

/** The CLI entry, testable: takes argv (without node and script) and returns the exit code; colours only a real terminal. */
export async function main(argv: string[], out = stdout, err = (s: string) => console.error(s), colour?: boolean): Promise<number> {
  mark('bundle');
  let code = 0;
  // The language is known before commander parses, so that its help and its errors speak it too.
  const lang = detectLang(argvLang(argv));
  const program = new Command('tssr-lab')
    .description(t(lang, 'cli.description'))
    .addOption(new Option('--lang <lang>', t(lang, 'cli.lang')).choices(['fr', 'en']))
    .version(VERSION, '-V, --version', t(lang, 'cli.version'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });

  program
    .command('validate')
    .description(t(lang, 'cli.validate'))
    .argument('<path>', t(lang, 'cli.validate.path'))
    .action((path: string) => {
      const { validatePath } = require('./validate') as typeof import('./validate');
      code = validatePath(path, lang, out);
    });

  program
    .command('check')
    .description(t(lang, 'cli.check'))
    .argument('<exercise>', t(lang, 'cli.check.exercise'))
    .option('-t, --target <target>', t(lang, 'cli.check.target'), 'local')
    .option('-i, --identity <file>', t(lang, 'cli.check.identity'))
    .option('--known-hosts <file>', t(lang, 'cli.check.knownHosts'))
    .option('--accept-new', t(lang, 'cli.check.acceptNew'))
    .addOption(new Option('-f, --format <format>', t(lang, 'cli.format')).choices(['text', 'json', 'junit']).default('text'))
    .option('--solution', t(lang, 'cli.check.solution'))
    .option('--only <ids...>', t(lang, 'cli.check.only'))
    .option('--concurrency <n>', t(lang, 'cli.check.concurrency'))
    .option('--sudo', t(lang, 'cli.check.sudo'))
    .option('--exam', t(lang, 'cli.check.exam'))
    .action(async (path: string, o) => {
      const { check } = require('./check') as typeof import('./check');
      const { wantsColour } = require('../core/report/colour') as typeof import('../core/report/colour');
      code = await check(path, { ...o, lang, colour: colour ?? wantsColour(out === stdout && process.stdout.isTTY) }, out, err);
    });

  program
    .command('start')
    .description(t(lang, 'cli.start'))
    .argument('<exercise>', t(lang, 'cli.check.exercise'))
    .option('-t, --target <target>', t(lang, 'cli.check.target'), 'local')
    .option('-i, --identity <file>', t(lang, 'cli.check.identity'))
    .option('--known-hosts <file>', t(lang, 'cli.check.knownHosts'))
    .option('--accept-new', t(lang, 'cli.check.acceptNew'))
    .option('-y, --yes', t(lang, 'cli.start.yes'))
    .action(async (path: string, o) => {
      const { start } = require('./start') as typeof import('./start');
      code = await start(path, { ...o, lang }, out, err);
    });

  program
    .command('pack')
    .description(t(lang, 'cli.pack'))
    .command('test')
    .description(t(lang, 'cli.packTest'))
    .argument('<pack>', t(lang, 'cli.packTest.pack'))
    .option('-e, --exercise <ids...>', t(lang, 'cli.packTest.exercise'))
    .option('--keep', t(lang, 'cli.packTest.keep'))
    .option(
      '-j, --jobs <n>',
      t(lang, 'cli.packTest.jobs'),
      (v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError('BAD_JOBS', t(lang, 'cli.error.jobs', v));
        return n;
      },
      2,
    )
    .action(async (path: string, o) => {
      const { packTest } = require('./pack-test') as typeof import('./pack-test');
      code = await packTest(path, { ...o, lang }, out, err);
    });

  program
    .command('grade')
    .description(t(lang, 'cli.grade'))
    .argument('[target]', t(lang, 'cli.grade.target'))
    .option('--inventory <file>', t(lang, 'cli.grade.inventory'))
    .option('-o, --out <folder>', t(lang, 'cli.grade.out'))
    .option('--resume <folder>', t(lang, 'cli.grade.resume'))
    .option('--retry-failed', t(lang, 'cli.grade.retryFailed'))
    .option('--shard <i/n>', t(lang, 'cli.grade.shard'))
    .option('--concurrency <n>', t(lang, 'cli.grade.concurrency'), '16')
    .option('-i, --identity <file>', t(lang, 'cli.check.identity'))
    .option('--known-hosts <file>', t(lang, 'cli.check.knownHosts'))
    .option('--sudo', t(lang, 'cli.check.sudo'))
    .option('--sign <key>', t(lang, 'cli.grade.sign'))
    .option('--exam', t(lang, 'cli.grade.exam'))
    .action(async (path: string | undefined, o) => {
      const { grade } = require('./grade') as typeof import('./grade');
      code = await grade(path, { ...o, lang }, out, err);
    });

  const reportCmd = program
    .command('report')
    .description(t(lang, 'cli.report'))
    .argument('<run>', t(lang, 'cli.report.run'))
    .addOption(new Option('-f, --format <format>', t(lang, 'cli.format')).choices(['html', 'json', 'csv', 'junit', 'tap']).default('html'))
    .option('-o, --out <folder>', t(lang, 'cli.report.out'))
    .option('--pdf', t(lang, 'cli.report.pdf'))
    .option('--sign <key>', t(lang, 'cli.grade.sign'))
    .action((path: string, o) => {
      const { report } = require('./report') as typeof import('./report');
      code = report(path, { ...o, lang }, out, err);
    });
  reportCmd
    .command('merge')
    .description(t(lang, 'cli.report.merge'))
    .argument('<runs...>', t(lang, 'cli.report.runs'))
    .addOption(new Option('-f, --format <format>', t(lang, 'cli.format')).choices(['html', 'json', 'csv', 'junit', 'tap']).default('html'))
    .option('-o, --out <folder>', t(lang, 'cli.report.out'))
    .option('--sign <key>', t(lang, 'cli.grade.sign'))
    .action((paths: string[], o) => {
      const { reportMerge } = require('./report') as typeof import('./report');
      code = reportMerge(paths, { ...o, lang }, out);
    });

  program
    .command('verify')
    .description(t(lang, 'cli.verify'))
    .argument('<report>', t(lang, 'cli.verify.report'))
    .requiredOption('--pubkey <key>', t(lang, 'cli.verify.pubkey'))
    .action((file: string, o: { pubkey: string }) => {
      const { verify } = require('./report') as typeof import('./report');
      code = verify(file, o.pubkey, lang, out);
    });

  program
    .command('lint')
    .description(t(lang, 'cli.lint'))
    .argument('<files...>', t(lang, 'cli.lint.files'))
    .addOption(new Option('-f, --format <format>', t(lang, 'cli.format')).choices(['text', 'json', 'sarif']).default('text'))
    .option('--no-shellcheck', t(lang, 'cli.lint.noShellcheck'))
    .option('--shellcheck-path <path>', t(lang, 'cli.lint.shellcheckPath'), 'shellcheck')
    .option('--ignore <codes...>', t(lang, 'cli.lint.ignore'))
    .action(async (files: string[], o) => {
      const { lint } = require('./lint') as typeof import('./lint');
      code = await lint(files, { ...o, lang }, out, err, VERSION);
    });

  program
    .command('rules')
    .description(t(lang, 'cli.rules'))
    .argument('[code]', t(lang, 'cli.rules.code'))
    .action((ruleCode?: string) => {
      const { explainRules } = require('../core/lint/format') as typeof import('../core/lint/format');
      const lines = explainRules(ruleCode, lang);
      if (!lines.length) throw new UsageError('UNKNOWN_RULE', t(lang, 'lint.unknownRule', ruleCode));
      lines.forEach((l) => out(l));
    });

  localizeCommander(program, lang);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT.usage;
    return fatal(e, err, lang);
  } finally {
    if (timingsEnabled) err(timingsLine());
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
