import { texts } from '../../i18n';
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
    code: 'TSSR-P003',
    alias: 'PSAvoidUsingPlainTextForPassword',
    language: 'powershell',
    severity: 'error',
    critere: 'CCS4.2',
    title: texts('lint.P003.title'),
    explanation: texts('lint.P003.explanation'),
    check(ctx) {
      for (const m of ctx.text.matchAll(PASSWORD_VARIABLE)) {
        const v = nodeOfTypeAt(ctx.root, m.index!, 'variable');
        const p = v?.parent;
        if (!v || p?.type !== 'script_parameter' || !PASSWORD_PARAM.test(v.text)) continue;
        if (/\[\s*(securestring|pscredential|System\.Security\.SecureString|System\.Management\.Automation\.PSCredential)\s*\]/i.test(p.text)) continue;
        ctx.report(v, texts('lint.P003.message', v.text));
      }
    },
  },
  {
    code: 'TSSR-P004',
    alias: 'PSAvoidUsingConvertToSecureStringWithPlainText',
    language: 'powershell',
    severity: 'error',
    critere: 'CCS4.2',
    title: texts('lint.P004.title'),
    explanation: texts('lint.P004.explanation'),
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, CONVERT_SECURE)) {
        const flag = i.elements.find((e) => /^-asplaintext/i.test(e.text));
        if (flag) ctx.report(flag, texts('lint.P004.message'));
      }
    },
  },
  {
    code: 'TSSR-P007',
    alias: 'PSAvoidUsingEmptyCatchBlock',
    language: 'powershell',
    severity: 'warning',
    critere: 'CP11.2',
    title: texts('lint.P007.title'),
    explanation: texts('lint.P007.explanation'),
    check(ctx) {
      // Text first: only a catch whose braces hold nothing but blanks and comments is looked up in the tree.
      for (const m of ctx.text.matchAll(EMPTY_CATCH)) {
        const c = nodeOfTypeAt(ctx.root, m.index!, 'catch_clause', true);
        if (!c) continue;
        const block = c.namedChildren.find((n) => n.type === 'statement_block');
        if (block && !block.namedChildren.some((n) => n.type !== 'comment')) {
          ctx.report(c, texts('lint.P007.message'), {
            title: texts('lint.P007.fix'),
            edits: [{ start: block.startIndex, end: block.endIndex, newText: '{ Write-Error $_ }' }],
          });
        }
      }
    },
  },
  {
    code: 'TSSR-P008',
    alias: 'PSAvoidUsingInvokeExpression',
    language: 'powershell',
    severity: 'warning',
    critere: 'CP11.2',
    title: texts('lint.P008.title'),
    explanation: texts('lint.P008.explanation'),
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, INVOKE_EXPRESSION)) {
        ctx.report(i.name, texts('lint.P008.message'));
      }
    },
  },
  {
    code: 'TSSR-P009',
    alias: 'PSAvoidUsingComputerNameHardcoded',
    language: 'powershell',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.P009.title'),
    explanation: texts('lint.P009.explanation'),
    check(ctx) {
      if (!/-(computername|cn)\b/i.test(ctx.text)) return;
      for (const i of invocationsMatching(ctx.root, ctx.text, ANY_COMMAND, (line) => /-(computername|cn)\b/i.test(line))) {
        i.elements.forEach((e, k) => {
          if (!/^-(computername|cn)$/i.test(e.text)) return;
          const value = constantString(i.elements[k + 1]);
          if (value !== null && !LOCAL_NAMES.has(value.toLowerCase())) {
            ctx.report(i.elements[k + 1], texts('lint.P009.message', value));
          }
        });
      }
    },
  },
  {
    code: 'TSSR-P011',
    alias: 'PSAvoidGlobalVars',
    language: 'powershell',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.P011.title'),
    explanation: texts('lint.P011.explanation'),
    check(ctx) {
      if (!/\$global:/i.test(ctx.text)) return;
      for (const v of descendants(ctx.root, ['variable'])) {
        if (/^\$global:/i.test(v.text)) ctx.report(v, texts('lint.P011.message', v.text));
      }
    },
  },
  {
    code: 'TSSR-P012',
    alias: 'PSPossibleIncorrectComparisonWithNull',
    language: 'powershell',
    severity: 'warning',
    critere: 'CP11.2',
    title: texts('lint.P012.title'),
    explanation: texts('lint.P012.explanation'),
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
        ctx.report(c, texts('lint.P012.message'), {
          title: texts('lint.P012.fix'),
          edits: [{ start: c.startIndex, end: c.endIndex, newText: `$null ${op.text} ${left.text}` }],
        });
      }
    },
  },
];
