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
    code: 'TSSR-B008', language: 'bash', severity: 'error', critere: 'CCS4.2',
    title: { fr: 'Mot de passe ou secret écrit en dur', en: 'Hard-coded password or secret' },
    explanation: {
      fr: 'Un secret écrit dans le script se retrouve dans les sauvegardes, les dépôts Git et les écrans partagés. Lisez-le depuis un fichier protégé (chmod 600), une variable d’environnement ou « read -rs ».',
      en: 'A secret written in the script ends up in backups, Git repositories and shared screens. Read it from a protected file (chmod 600), an environment variable or "read -rs".',
    },
    check(ctx) {
      for (const a of descendants(ctx.root, ['variable_assignment'])) {
        const name = a.childForFieldName('name')?.text ?? '';
        if (!SECRET_NAME.test(name) || NOT_A_SECRET.test(name)) continue;
        const value = a.childForFieldName('value');
        if (literal(value) === null) continue;
        ctx.report(value!, { fr: `${name} contient un secret écrit en dur`, en: `${name} holds a hard-coded secret` });
      }
      for (const c of commandsNamed(ctx.root, ['sshpass', 'mysql', 'mysqldump', 'curl', 'wget'])) {
        const args = commandArgs(c);
        args.forEach((arg, i) => {
          const inline = /^(--password=|-p)(?!$)/.exec(arg.text);
          const name = commandName(c);
          if (inline && name !== 'curl' && name !== 'wget' && literal(arg) !== null && !(name === 'sshpass' && arg.text === '-p')) {
            ctx.report(arg, { fr: `Mot de passe en clair passé à ${name}`, en: `Clear-text password passed to ${name}` });
          } else if (name === 'sshpass' && arg.text === '-p' && literal(args[i + 1] ?? null) !== null) {
            ctx.report(args[i + 1], { fr: 'Mot de passe en clair passé à sshpass (utilisez -f fichier ou -e)', en: 'Clear-text password passed to sshpass (use -f file or -e)' });
          } else if ((name === 'curl' || name === 'wget') && /^(-u|--user=?|--password=)/.test(arg.text)) {
            const v = arg.text.includes('=') || arg.text.length > 2 ? arg : args[i + 1];
            if (v && literal(v)?.includes(':')) ctx.report(v, { fr: `Identifiants en clair passés à ${name}`, en: `Clear-text credentials passed to ${name}` });
          }
        });
      }
    },
  },
  {
    code: 'TSSR-B009', language: 'bash', severity: 'info', critere: 'CCS4.2',
    title: { fr: 'Backticks au lieu de $( )', en: 'Backticks instead of $( )' },
    explanation: {
      fr: 'La forme `commande` est ancienne : elle s’imbrique mal et se lit mal. « $(commande) » fait la même chose, s’imbrique et se lit sans ambiguïté.',
      en: 'The `command` form is legacy: it nests badly and reads badly. "$(command)" does the same, nests and reads unambiguously.',
    },
    check(ctx) {
      for (const s of descendants(ctx.root, ['command_substitution'])) {
        if (!s.text.startsWith('`')) continue;
        ctx.report(s, { fr: 'Utilisez $( ) plutôt que des backticks', en: 'Use $( ) rather than backticks' },
          { title: { fr: 'Remplacer par $( )', en: 'Replace with $( )' }, edits: [{ start: s.startIndex, end: s.endIndex, newText: `$(${s.text.slice(1, -1)})` }] });
      }
    },
  },
  {
    code: 'TSSR-B012', language: 'bash', severity: 'info', critere: 'CP11.3',
    title: { fr: 'read sans -r', en: 'read without -r' },
    explanation: {
      fr: 'Sans -r, read interprète les antislashs : « C:\\temp » devient « C:temp ». Écrivez « read -r ».',
      en: 'Without -r, read interprets backslashes: "C:\\temp" becomes "C:temp". Write "read -r".',
    },
    check(ctx) {
      for (const r of commandsNamed(ctx.root, ['read'])) {
        if (commandArgs(r).some((a) => /^-[a-zA-Z]*r/.test(a.text))) continue;
        const name = r.childForFieldName('name')!;
        ctx.report(r, { fr: 'read sans -r déforme les antislashs', en: 'read without -r mangles backslashes' },
          { title: { fr: 'Ajouter -r', en: 'Add -r' }, edits: [{ start: name.endIndex, end: name.endIndex, newText: ' -r' }] });
      }
    },
  },
  {
    code: 'TSSR-B013', language: 'bash', severity: 'info', critere: 'CCS4.2',
    title: { fr: 'cat inutile dans un tube', en: 'Useless cat in a pipe' },
    explanation: {
      fr: '« cat fichier | grep motif » lance un processus de trop : « grep motif fichier » ou « grep motif < fichier » fait la même chose.',
      en: '"cat file | grep pattern" starts one process too many: "grep pattern file" or "grep pattern < file" does the same.',
    },
    check(ctx) {
      for (const p of descendants(ctx.root, ['pipeline'])) {
        const [first, second] = p.namedChildren;
        if (!first || !second || first.type !== 'command' || commandName(first) !== 'cat' || second.type !== 'command') continue;
        const args = commandArgs(first);
        if (args.length !== 1 || args[0].text.startsWith('-')) continue;
        ctx.report(first, { fr: `cat inutile : donnez ${args[0].text} directement à ${commandName(second)}`, en: `useless cat: give ${args[0].text} to ${commandName(second)} directly` },
          { title: { fr: 'Remplacer par une redirection <', en: 'Replace with a < redirection' }, edits: [{ start: first.startIndex, end: second.endIndex, newText: `${second.text} < ${args[0].text}` }] });
      }
    },
  },
];
