import { descendants, nodeAt, sameNode } from '../ast';
import type { Rule } from '../types';
import { commandWords, constantString, invocationsMatching, nodeOfTypeAt } from './ps-util';

const PASSWORD_PARAM = /^\$(.*pass(word|wd)?|.*pwd|mdp|.*secret|motdepasse)$/i;
const PASSWORD_VARIABLE = /\$\w*(pass(word|wd)?|pwd|secret|mdp|motdepasse)\w*\b/gi;
const CONVERT_SECURE = commandWords(['convertto-securestring']);
const INVOKE_EXPRESSION = commandWords(['invoke-expression', 'iex']);
const ANY_COMMAND = /(?<![\w$.\-:\\])[a-z][\w]*(-[a-z]\w*)?(?![\w-])/gi;
const LOCAL_NAMES = new Set(['localhost', '.', '127.0.0.1', '::1']);
/** `catch`, optional exception types, then a block with only blanks and comments in it. */
const EMPTY_CATCH = /\bcatch\b(?:\s*\[[^\]\n]*\]\s*,?)*\s*\{(?:\s|#[^\n]*|<#[\s\S]*?#>)*\}/gi;

/** PowerShell safety rules: plain-text passwords, Invoke-Expression, empty catch, globals, $null comparisons, hard-coded hosts. */
export const psSafety: Rule[] = [
  {
    code: 'TSSR-P003', alias: 'PSAvoidUsingPlainTextForPassword', language: 'powershell', severity: 'error', critere: 'CCS4.2',
    title: { fr: 'Paramètre de mot de passe en texte clair', en: 'Plain-text password parameter' },
    explanation: {
      fr: 'Un paramètre $Password de type [string] garde le mot de passe en clair en mémoire et dans l’historique. Typez-le [SecureString] ou, mieux, [PSCredential] (Get-Credential).',
      en: 'A [string] $Password parameter keeps the password in clear in memory and in history. Type it [SecureString] or, better, [PSCredential] (Get-Credential).',
    },
    check(ctx) {
      for (const m of ctx.text.matchAll(PASSWORD_VARIABLE)) {
        const v = nodeOfTypeAt(ctx.root, m.index!, 'variable');
        const p = v?.parent;
        if (!v || p?.type !== 'script_parameter' || !PASSWORD_PARAM.test(v.text)) continue;
        if (/\[\s*(securestring|pscredential|System\.Security\.SecureString|System\.Management\.Automation\.PSCredential)\s*\]/i.test(p.text)) continue;
        ctx.report(v, { fr: `${v.text} est un mot de passe en texte clair : utilisez [SecureString] ou [PSCredential]`, en: `${v.text} is a plain-text password: use [SecureString] or [PSCredential]` });
      }
    },
  },
  {
    code: 'TSSR-P004', alias: 'PSAvoidUsingConvertToSecureStringWithPlainText', language: 'powershell', severity: 'error', critere: 'CCS4.2',
    title: { fr: 'ConvertTo-SecureString -AsPlainText', en: 'ConvertTo-SecureString -AsPlainText' },
    explanation: {
      fr: '« ConvertTo-SecureString "secret" -AsPlainText -Force » laisse le secret en clair dans le script. Demandez-le (Read-Host -AsSecureString, Get-Credential) ou lisez-le d’un coffre (SecretManagement).',
      en: '"ConvertTo-SecureString "secret" -AsPlainText -Force" leaves the secret in clear in the script. Ask for it (Read-Host -AsSecureString, Get-Credential) or read it from a vault (SecretManagement).',
    },
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, CONVERT_SECURE)) {
        const flag = i.elements.find((e) => /^-asplaintext/i.test(e.text));
        if (flag) ctx.report(flag, { fr: 'Secret converti depuis du texte clair', en: 'Secret converted from plain text' });
      }
    },
  },
  {
    code: 'TSSR-P007', alias: 'PSAvoidUsingEmptyCatchBlock', language: 'powershell', severity: 'warning', critere: 'CP11.2',
    title: { fr: 'Bloc catch vide', en: 'Empty catch block' },
    explanation: {
      fr: 'Un catch vide avale l’erreur : le script continue comme si tout allait bien et personne ne sait pourquoi le résultat est faux. Journalisez (Write-Error, Write-Warning) ou relancez (throw).',
      en: 'An empty catch swallows the error: the script goes on as if all were well and nobody knows why the result is wrong. Log it (Write-Error, Write-Warning) or rethrow (throw).',
    },
    check(ctx) {
      // Text first: only a catch whose braces hold nothing but blanks and comments is looked up in the tree.
      for (const m of ctx.text.matchAll(EMPTY_CATCH)) {
        const c = nodeOfTypeAt(ctx.root, m.index!, 'catch_clause', true);
        if (!c) continue;
        const block = c.namedChildren.find((n) => n.type === 'statement_block');
        if (block && !block.namedChildren.some((n) => n.type !== 'comment')) {
          ctx.report(c, { fr: 'Ce catch ignore l’erreur sans la signaler', en: 'This catch ignores the error without reporting it' },
            { title: { fr: 'Signaler l’erreur (Write-Error $_)', en: 'Report the error (Write-Error $_)' }, edits: [{ start: block.startIndex, end: block.endIndex, newText: '{ Write-Error $_ }' }] });
        }
      }
    },
  },
  {
    code: 'TSSR-P008', alias: 'PSAvoidUsingInvokeExpression', language: 'powershell', severity: 'warning', critere: 'CP11.2',
    title: { fr: 'Invoke-Expression', en: 'Invoke-Expression' },
    explanation: {
      fr: 'Invoke-Expression exécute une chaîne comme du code : une entrée mal filtrée devient une injection de commandes. Appelez la commande directement, avec ses paramètres (splatting @params).',
      en: 'Invoke-Expression runs a string as code: badly filtered input becomes command injection. Call the command directly with its parameters (splatting @params).',
    },
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, INVOKE_EXPRESSION)) {
        ctx.report(i.name, { fr: 'Invoke-Expression exécute du texte comme du code', en: 'Invoke-Expression runs text as code' });
      }
    },
  },
  {
    code: 'TSSR-P009', alias: 'PSAvoidUsingComputerNameHardcoded', language: 'powershell', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Nom d’ordinateur écrit en dur', en: 'Hard-coded computer name' },
    explanation: {
      fr: 'Un -ComputerName "SRV01" écrit en dur rend le script inutilisable ailleurs. Passez le nom en paramètre ($ComputerName), avec une valeur par défaut si besoin.',
      en: 'A hard-coded -ComputerName "SRV01" makes the script useless elsewhere. Pass the name as a parameter ($ComputerName), with a default if needed.',
    },
    check(ctx) {
      if (!/-(computername|cn)\b/i.test(ctx.text)) return;
      for (const i of invocationsMatching(ctx.root, ctx.text, ANY_COMMAND, (line) => /-(computername|cn)\b/i.test(line))) {
        i.elements.forEach((e, k) => {
          if (!/^-(computername|cn)$/i.test(e.text)) return;
          const value = constantString(i.elements[k + 1]);
          if (value !== null && !LOCAL_NAMES.has(value.toLowerCase())) {
            ctx.report(i.elements[k + 1], { fr: `Nom d’ordinateur « ${value} » écrit en dur`, en: `Hard-coded computer name "${value}"` });
          }
        });
      }
    },
  },
  {
    code: 'TSSR-P011', alias: 'PSAvoidGlobalVars', language: 'powershell', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Variable globale', en: 'Global variable' },
    explanation: {
      fr: '$global: modifie la session de l’appelant et crée des effets de bord entre scripts. Passez les valeurs en paramètres et renvoyez les résultats.',
      en: '$global: changes the caller\'s session and creates side effects between scripts. Pass values as parameters and return results.',
    },
    check(ctx) {
      if (!/\$global:/i.test(ctx.text)) return;
      for (const v of descendants(ctx.root, ['variable'])) {
        if (/^\$global:/i.test(v.text)) ctx.report(v, { fr: `${v.text} est une variable globale`, en: `${v.text} is a global variable` });
      }
    },
  },
  {
    code: 'TSSR-P012', alias: 'PSPossibleIncorrectComparisonWithNull', language: 'powershell', severity: 'warning', critere: 'CP11.2',
    title: { fr: '$null à droite d’une comparaison', en: '$null on the right of a comparison' },
    explanation: {
      fr: 'Si $x est un tableau, « $x -eq $null » filtre le tableau au lieu de tester $x. Écrivez « $null -eq $x ».',
      en: 'If $x is an array, "$x -eq $null" filters the array instead of testing $x. Write "$null -eq $x".',
    },
    check(ctx) {
      // Find `-eq $null` / `-ne $null` in the text, then the comparison at that spot: no walk over the whole tree.
      const seen = new Set<number>();
      for (const m of ctx.text.matchAll(/-[ci]?(eq|ne)\s+\$null\b/gi)) {
        let op = nodeAt(ctx.root, m.index!);
        while (op && op.type !== 'comparison_operator' && op.endIndex - op.startIndex <= m[0].length) op = op.parent;
        const c = op?.type === 'comparison_operator' ? op.parent : null;
        if (!op || !c || seen.has(c.startIndex)) continue;
        seen.add(c.startIndex);
        const [left, right] = c.namedChildren.filter((n) => !sameNode(n, op));
        if (!left || !right || right.text.toLowerCase() !== '$null' || left.text.toLowerCase() === '$null') continue;
        ctx.report(c, { fr: '$null doit être à gauche de la comparaison', en: '$null belongs on the left of the comparison' },
          { title: { fr: 'Mettre $null à gauche', en: 'Put $null on the left' }, edits: [{ start: c.startIndex, end: c.endIndex, newText: `$null ${op.text} ${left.text}` }] });
      }
    },
  },
];
