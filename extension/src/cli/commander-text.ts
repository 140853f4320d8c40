import type { Command, Option } from 'commander';
import { messages, t, type Lang, type MessageKey } from '../core/i18n';

/** The `--lang` value in argv (`--lang en` or `--lang=en`), read before commander parses so that its help speaks it. */
export function argvLang(argv: string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}

// commander's own sentences (v14), matched so that a French run never prints them in English.
const ERRORS: Array<[RegExp, (m: RegExpExecArray, lang: Lang) => string]> = [
  [/^error: unknown option '([^']+)'/, (m, l) => t(l, 'cli.error.unknownOption', m[1])],
  [/^error: unknown command '([^']+)'/, (m, l) => t(l, 'cli.error.unknownCommand', m[1])],
  [/^error: missing required argument '([^']+)'/, (m, l) => t(l, 'cli.error.missingArgument', m[1])],
  [/^error: option '([^']+)' argument missing/, (m, l) => t(l, 'cli.error.optionArgument', m[1])],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m, l) => t(l, 'cli.error.invalidChoice', m[1], m[2], m[3])],
  [/^error: too many arguments/, (_m, l) => t(l, 'cli.error.tooManyArguments')],
];

/** commander's error in the user's language; an unknown one is kept as is. */
export function commanderError(text: string, lang: Lang): string {
  // commander adds a suggestion on a second line: « (Did you mean check?) ».
  const suggestion = /\(Did you mean (.+)\?\)/.exec(text);
  for (const [re, word] of ERRORS) {
    const m = re.exec(text);
    if (m) return `tssr-lab: ${word(m, lang)}${suggestion ? t(lang, 'cli.error.didYouMean', suggestion[1]) : ''}`;
  }
  return text;
}

/** An option's help line with its choices and default in the user's language (commander writes "choices:"/"default:"). */
function optionText(o: Option, lang: Lang): string {
  const extra: string[] = [];
  if (o.argChoices) extra.push(t(lang, 'cli.choices', o.argChoices.map((c) => JSON.stringify(c)).join(', ')));
  const shown = o.required || o.optional || typeof o.defaultValue === 'boolean';
  if (o.defaultValue !== undefined && shown) extra.push(t(lang, 'cli.default', o.defaultValueDescription ?? JSON.stringify(o.defaultValue)));
  return extra.length ? `${o.description} (${extra.join(', ')})` : o.description;
}

/** Gives a program and its subcommands the help titles, help option and error sentences of the catalogue. */
export function localizeCommander(program: Command, lang: Lang): void {
  const write = program.configureOutput();
  const title = (s: string): string => (`cli.title.${s}` in messages ? t(lang, `cli.title.${s}` as MessageKey) : s);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const cmd of all(program)) {
    cmd.helpOption('-h, --help', t(lang, 'cli.help'));
    cmd.configureHelp({ styleTitle: title, optionDescription: (o) => optionText(o, lang) });
    cmd.configureOutput({ ...write, outputError: (s, w) => w(commanderError(s.trimEnd(), lang)) });
  }
  for (const cmd of all(program)) if (cmd.commands.length) cmd.helpCommand('help [command]', t(lang, 'cli.helpCommand'));
}
