import { afterFirstLine, ancestor, descendants, within } from '../ast';
import type { Rule, SyntaxNode } from '../types';
import { commandArgs, commandsNamed, hasErrexit, headerComments } from './bash-util';

/** Whether a command's failure is handled: `cmd || …`, `cmd && …`, or an if/while condition. */
function handled(cmd: SyntaxNode): boolean {
  const p = cmd.parent;
  if (p?.type === 'list') return true;
  if (p?.type === 'negated_command') return true;
  for (let a = ancestor(cmd, ['if_statement', 'while_statement', 'elif_clause']); a; a = ancestor(a, ['if_statement', 'while_statement', 'elif_clause'])) {
    if (a.childrenForFieldName('condition').some((c) => within(cmd, c))) return true;
  }
  return false;
}

/** Explicit error handling other than errexit: `|| exit`, `|| return`, or a test of `$?`. */
function explicitHandling(root: SyntaxNode): boolean {
  const lists = descendants(root, ['list']).filter((l) => /\|\|\s*(\{[^}]*)?\b(exit|return|die|fail|erreur|error)\b/.test(l.text));
  const status = descendants(root, ['simple_expansion']).some((e) => e.text === '$?');
  return lists.length > 0 || status;
}

/** Error handling rules: errexit, unchecked cd, exit codes. */
export const bashErrors: Rule[] = [
  {
    code: 'TSSR-B006', language: 'bash', severity: 'warning', critere: 'CP11.3',
    title: { fr: 'Pas de gestion des erreurs (set -euo pipefail)', en: 'No error handling (set -euo pipefail)' },
    explanation: {
      fr: 'Par défaut, bash continue après une commande en échec. « set -euo pipefail » arrête le script à la première erreur, sur une variable non définie et sur l’échec d’un maillon de tube. À défaut, testez chaque commande (« || exit 1 ») ou posez un « trap … ERR ».',
      en: 'By default bash goes on after a failed command. "set -euo pipefail" stops the script at the first error, on an unset variable and when a pipe stage fails. Otherwise check each command ("|| exit 1") or set a "trap … ERR".',
    },
    check(ctx) {
      if (hasErrexit(ctx.root) || explicitHandling(ctx.root)) return;
      const header = headerComments(ctx.root);
      const at = header.length ? header[header.length - 1].endIndex + 1 : (ctx.text.startsWith('#!') ? afterFirstLine(ctx.text) : 0);
      ctx.report({ startIndex: 0, endIndex: Math.max(0, afterFirstLine(ctx.text) - 1) }, { fr: 'Le script ne s’arrête pas sur une erreur : ajoutez « set -euo pipefail »', en: 'The script does not stop on errors: add "set -euo pipefail"' },
        { title: { fr: 'Ajouter « set -euo pipefail »', en: 'Add "set -euo pipefail"' }, edits: [{ start: at, end: at, newText: 'set -euo pipefail\n' }] });
    },
  },
  {
    code: 'TSSR-B007', language: 'bash', severity: 'warning', critere: 'CP11.3',
    title: { fr: 'cd sans contrôle d’échec', en: 'cd without a failure check' },
    explanation: {
      fr: 'Si « cd /dossier » échoue, la suite du script s’exécute dans le mauvais dossier — un « rm » y ferait des dégâts. Écrivez « cd /dossier || exit 1 ».',
      en: 'If "cd /dir" fails, the rest of the script runs in the wrong folder — an "rm" there does damage. Write "cd /dir || exit 1".',
    },
    check(ctx) {
      if (hasErrexit(ctx.root)) return;
      for (const cd of commandsNamed(ctx.root, ['cd'])) {
        if (handled(cd) || cd.parent?.type === 'subshell' && cd.parent.namedChildren.length === 1) continue;
        ctx.report(cd, { fr: `« ${cd.text} » peut échouer sans arrêter le script`, en: `"${cd.text}" may fail without stopping the script` },
          { title: { fr: 'Ajouter « || exit 1 »', en: 'Add "|| exit 1"' }, edits: [{ start: cd.endIndex, end: cd.endIndex, newText: ' || exit 1' }] });
      }
    },
  },
  {
    code: 'TSSR-B010', language: 'bash', severity: 'warning', critere: 'CP11.3',
    title: { fr: 'Erreur signalée mais code de sortie 0', en: 'Error reported but exit code 0' },
    explanation: {
      fr: 'Le script écrit des erreurs sur stderr mais ne sort jamais avec un code non nul : cron, un autre script ou l’évaluateur croient qu’il a réussi. Terminez chaque chemin d’erreur par « exit 1 » (ou un code documenté).',
      en: 'The script writes errors on stderr but never exits with a non-zero code: cron, another script or the evaluator believe it succeeded. End each error path with "exit 1" (or a documented code).',
    },
    check(ctx) {
      if (hasErrexit(ctx.root)) return;
      const errors = descendants(ctx.root, ['file_redirect']).filter((r) => /^>&\s*2$|^1?>&2$/.test(r.text.replace(/\s+/g, '')));
      if (!errors.length) return;
      const nonZero = commandsNamed(ctx.root, ['exit', 'return']).some((c) => {
        const a = commandArgs(c)[0]?.text;
        return a !== undefined && a !== '0';
      });
      if (nonZero) return;
      ctx.report(errors[0].parent ?? errors[0], { fr: 'Message d’erreur sur stderr, mais aucun « exit » non nul dans le script', en: 'Error message on stderr, but no non-zero "exit" in the script' });
    },
  },
];
