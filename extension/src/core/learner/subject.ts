import type { Check } from '../../../../schemas/generated/types';
import { messages, t, type Lang, type MessageKey } from '../i18n';
import { clip } from './values';

// Programs that only interpret the learner's script: « sauvegarde.sh --help » reads better than « bash sauvegarde.sh --help ».
const INTERPRETERS = new Set(['bash', 'sh', 'dash', 'zsh', 'python', 'python3', 'perl', 'pwsh', 'powershell']);
const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh']);

/** An argument as a terminal shows it: bare when safe, else in single quotes; a multi-line script on one line. */
function quoteArg(a: string): string {
  const flat = a
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ');
  return /^[\w@%+=:,./-]+$/.test(flat) ? flat : `'${flat.replace(/'/g, `'\\''`)}'`;
}

/** The program and arguments of a command or script check, as run; undefined for other types. */
function argvOf(c: Check): string[] | undefined {
  if (c.type === 'command') return c.exec;
  if (c.type === 'script') return [...(c.interpreter ? [c.interpreter] : []), c.script, ...(c.args ?? [])];
  return undefined;
}

/** `bash -c <script>` as the shell line then the script's first lines (at most five of 160 characters), not one long line. */
function scriptLines(argv: string[]): string | undefined {
  if (!SHELLS.has(argv[0]?.split('/').pop() ?? '') || argv[1] !== '-c' || !/\n/.test(argv[2] ?? '')) return undefined;
  const lines = argv[2].split(/\r?\n/).filter((l) => l.trim() !== '');
  const shown = lines.slice(0, 5).map((l) => `  ${clip(l, 158)}`);
  const rest = argv.slice(3).map(quoteArg).join(' ');
  return [`${argv[0]} -c${rest ? ' … ' + rest : ''}`, ...shown, ...(lines.length > 5 ? ['  …'] : [])].join('\n');
}

/** What was run on the target, command and arguments, on one line of at most 160 characters. */
export function ranOf(lang: Lang, c: Check | undefined): string | undefined {
  const argv = c && argvOf(c);
  if (!argv) return undefined;
  const line = scriptLines(argv) ?? clip(argv.map(quoteArg).join(' '), 160);
  const runAs = (c as { runAs?: string }).runAs;
  return runAs ? t(lang, 'learner.asUser', line, runAs) : line;
}

/** The first workspace file a command names (`bash ./sauvegarde.sh`, or inside a `-c` script). */
export function workspaceFileIn(c: Check | undefined, workspaceFiles: readonly string[]): string | undefined {
  const argv = c && argvOf(c);
  if (!argv) return undefined;
  if (c.type === 'script' && !c.script.startsWith('/')) return c.script.replace(/^\.\/+/, '');
  const text = argv.join(' ');
  return workspaceFiles.find((f) => new RegExp(`(^|[\\s/'"])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s'";])`).test(text));
}

/** The command in a sentence: short, without the interpreter, and a `-c` script named after the file it tests. */
function commandSubject(lang: Lang, c: Check, workspaceFiles: readonly string[]): string {
  const argv = argvOf(c) ?? [];
  const program = argv[0]?.split('/').pop() ?? '';
  if (SHELLS.has(program) && argv[1] === '-c') {
    const file = workspaceFileIn(c, workspaceFiles);
    if (file) return t(lang, 'learner.subject.scenario', file);
    return clip(`${argv[0]} -c ${quoteArg(argv[2] ?? '')}`, 60);
  }
  const shown = INTERPRETERS.has(program) && argv[1] && !argv[1].startsWith('-') ? argv.slice(1) : argv;
  return clip(shown.map(quoteArg).join(' '), 80);
}

/** The value that names what a check is about: a path, a name, a URL… */
function nameOf(c: Check): string {
  const r = c as Record<string, unknown>;
  const first = ['path', 'name', 'comm', 'key', 'url', 'address', 'destination', 'mountPoint', 'archive', 'oid', 'base', 'tool', 'command', 'timer']
    .map((k) => r[k])
    .find((v) => typeof v === 'string' || typeof v === 'number');
  if (c.type === 'port') return `${c.port}${c.protocol ? '/' + c.protocol : ''}`;
  if (c.type === 'lint') return c.files.join(', ');
  return first === undefined ? '' : String(first);
}

/** What a check is about, at the head of a sentence: « Le fichier /etc/hosts », « sauvegarde.sh --help ». */
export function subjectOf(lang: Lang, c: Check | undefined, checkType: string, workspaceFiles: readonly string[], fallbackName = ''): string {
  if (c && (c.type === 'command' || c.type === 'script')) return commandSubject(lang, c, workspaceFiles);
  if (c?.type === 'configKey' && c.path) return t(lang, 'learner.subject.configKeyIn', c.key, c.path);
  if (c?.type === 'log' && !c.path) return t(lang, 'learner.subject.logAny');
  const key = `learner.subject.${c?.type ?? checkType}`;
  if (!(key in messages)) return t(lang, 'learner.subject.check');
  return t(lang, key as MessageKey, clip(c ? nameOf(c) : fallbackName, 80)).replace(/\s+$/, '');
}
