import { texts } from '../../i18n';
import { descendants } from '../ast';
import type { Rule, SyntaxNode } from '../types';
import { commandArgs, commandName, commandsNamed } from './bash-util';

const SECRET_NAME = /(^|_)(pass(word|wd)?|pwd|secret|token|api_?key|mdp|mot_?de_?passe)($|_)/i;
const NOT_A_SECRET = /(_|^)(file|path|dir|len|length|prompt|hint|min|max|policy|regex|var|name)$/i;

/** A literal value with no expansion, or null. */
function literal(value: SyntaxNode | null): string | null {
  if (!value || !['word', 'string', 'raw_string'].includes(value.type)) return null;
  if (descendants(value, ['simple_expansion', 'expansion', 'command_substitution']).length) return null;
  const v = value.text.replace(/^(['"])(.*)\1$/s, '$2');
  return v.length ? v : null;
}

/** Style and security rules: secrets, backticks, read -r, useless cat. */
export const bashStyle: Rule[] = [
  {
    code: 'TSSR-B008',
    language: 'bash',
    severity: 'error',
    critere: 'CCS4.2',
    title: texts('lint.B008.title'),
    explanation: texts('lint.B008.explanation'),
    check(ctx) {
      for (const a of descendants(ctx.root, ['variable_assignment'])) {
        const name = a.childForFieldName('name')?.text ?? '';
        if (!SECRET_NAME.test(name) || NOT_A_SECRET.test(name)) continue;
        const value = a.childForFieldName('value');
        if (literal(value) === null) continue;
        ctx.report(value!, texts('lint.B008.message', name));
      }
      for (const c of commandsNamed(ctx.root, ['sshpass', 'mysql', 'mysqldump', 'curl', 'wget'])) {
        const args = commandArgs(c);
        args.forEach((arg, i) => {
          const inline = /^(--password=|-p)(?!$)/.exec(arg.text);
          const name = commandName(c);
          if (inline && name !== 'curl' && name !== 'wget' && literal(arg) !== null && !(name === 'sshpass' && arg.text === '-p')) {
            ctx.report(arg, texts('lint.B008.message2', name));
          } else if (name === 'sshpass' && arg.text === '-p' && literal(args[i + 1] ?? null) !== null) {
            ctx.report(args[i + 1], texts('lint.B008.message3'));
          } else if ((name === 'curl' || name === 'wget') && /^(-u|--user=?|--password=)/.test(arg.text)) {
            const v = arg.text.includes('=') || arg.text.length > 2 ? arg : args[i + 1];
            if (v && literal(v)?.includes(':')) ctx.report(v, texts('lint.B008.message4', name));
          }
        });
      }
    },
  },
  {
    code: 'TSSR-B009',
    language: 'bash',
    severity: 'info',
    critere: 'CCS4.2',
    title: texts('lint.B009.title'),
    explanation: texts('lint.B009.explanation'),
    check(ctx) {
      for (const s of descendants(ctx.root, ['command_substitution'])) {
        if (!s.text.startsWith('`')) continue;
        ctx.report(s, texts('lint.B009.message'), {
          title: texts('lint.B009.fix'),
          edits: [{ start: s.startIndex, end: s.endIndex, newText: `$(${s.text.slice(1, -1)})` }],
        });
      }
    },
  },
  {
    code: 'TSSR-B012',
    language: 'bash',
    severity: 'info',
    critere: 'CP11.3',
    title: texts('lint.B012.title'),
    explanation: texts('lint.B012.explanation'),
    check(ctx) {
      for (const r of commandsNamed(ctx.root, ['read'])) {
        if (commandArgs(r).some((a) => /^-[a-zA-Z]*r/.test(a.text))) continue;
        const name = r.childForFieldName('name')!;
        ctx.report(r, texts('lint.B012.message'), { title: texts('lint.B012.fix'), edits: [{ start: name.endIndex, end: name.endIndex, newText: ' -r' }] });
      }
    },
  },
  {
    code: 'TSSR-B013',
    language: 'bash',
    severity: 'info',
    critere: 'CCS4.2',
    title: texts('lint.B013.title'),
    explanation: texts('lint.B013.explanation'),
    check(ctx) {
      for (const p of descendants(ctx.root, ['pipeline'])) {
        const [first, second] = p.namedChildren;
        if (!first || !second || first.type !== 'command' || commandName(first) !== 'cat' || second.type !== 'command') continue;
        const args = commandArgs(first);
        if (args.length !== 1 || args[0].text.startsWith('-')) continue;
        ctx.report(first, texts('lint.B013.message', args[0].text, commandName(second)), {
          title: texts('lint.B013.fix'),
          edits: [{ start: first.startIndex, end: second.endIndex, newText: `${second.text} < ${args[0].text}` }],
        });
      }
    },
  },
];
