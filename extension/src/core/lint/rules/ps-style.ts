import { texts } from '../../i18n';
import type { Rule } from '../types';
import { commandWords, invocationsMatching, nodeOfTypeAt, positionalEstimate } from './ps-util';

/** Built-in aliases and the cmdlet each stands for. */
export const ALIASES: Record<string, string> = {
  '%': 'ForEach-Object',
  foreach: 'ForEach-Object',
  '?': 'Where-Object',
  where: 'Where-Object',
  ls: 'Get-ChildItem',
  dir: 'Get-ChildItem',
  gci: 'Get-ChildItem',
  cat: 'Get-Content',
  gc: 'Get-Content',
  type: 'Get-Content',
  echo: 'Write-Output',
  write: 'Write-Output',
  cd: 'Set-Location',
  chdir: 'Set-Location',
  sl: 'Set-Location',
  pwd: 'Get-Location',
  gl: 'Get-Location',
  cp: 'Copy-Item',
  copy: 'Copy-Item',
  cpi: 'Copy-Item',
  mv: 'Move-Item',
  move: 'Move-Item',
  mi: 'Move-Item',
  rm: 'Remove-Item',
  del: 'Remove-Item',
  erase: 'Remove-Item',
  rd: 'Remove-Item',
  rmdir: 'Remove-Item',
  ri: 'Remove-Item',
  cls: 'Clear-Host',
  clear: 'Clear-Host',
  ps: 'Get-Process',
  gps: 'Get-Process',
  kill: 'Stop-Process',
  spps: 'Stop-Process',
  select: 'Select-Object',
  sort: 'Sort-Object',
  ft: 'Format-Table',
  fl: 'Format-List',
  measure: 'Measure-Object',
  gm: 'Get-Member',
  iwr: 'Invoke-WebRequest',
  irm: 'Invoke-RestMethod',
  gsv: 'Get-Service',
  sasv: 'Start-Service',
  spsv: 'Stop-Service',
  sls: 'Select-String',
  ni: 'New-Item',
  gcm: 'Get-Command',
  icm: 'Invoke-Command',
  ipmo: 'Import-Module',
  tee: 'Tee-Object',
  gwmi: 'Get-WmiObject',
};

const ALIAS_WORDS = commandWords(Object.keys(ALIASES));
const WRITE_HOST = commandWords(['write-host']);
const VERB_NOUN = /(?<![\w$.\-:\\])[a-z]+-[a-z]\w*(?![\w-])/gi;

/** Approved verbs (Get-Verb). */
const VERBS = new Set(
  (
    'Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm Connect Convert ConvertFrom ConvertTo Copy ' +
    'Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter Exit Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke ' +
    'Join Limit Lock Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename Repair Request ' +
    'Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip Split Start Step Stop Submit Suspend Switch Sync Test Trace ' +
    'Unblock Undo Uninstall Unlock Unprotect Unpublish Unregister Update Use Wait Watch Write'
  )
    .toLowerCase()
    .split(' '),
);

/** Minimum number of positional arguments that PSScriptAnalyzer flags. */
const POSITIONAL_THRESHOLD = 3;

/** PowerShell style rules: aliases, Write-Host, verbs, positional parameters. */
export const psStyle: Rule[] = [
  {
    code: 'TSSR-P002',
    alias: 'PSAvoidUsingCmdletAliases',
    language: 'powershell',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.P002.title'),
    explanation: texts('lint.P002.explanation'),
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, ALIAS_WORDS)) {
        const full = ALIASES[i.lower];
        if (!full) continue;
        ctx.report(i.name, texts('lint.P002.message', ctx.text.slice(i.name.startIndex, i.name.startIndex + i.lower.length), full), {
          title: texts('lint.P002.fix', full),
          edits: [{ start: i.name.startIndex, end: i.name.endIndex, newText: full }],
        });
      }
    },
  },
  {
    code: 'TSSR-P005',
    alias: 'PSAvoidUsingWriteHost',
    language: 'powershell',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.P005.title'),
    explanation: texts('lint.P005.explanation'),
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, WRITE_HOST)) {
        ctx.report(i.name, texts('lint.P005.message'), {
          title: texts('lint.P005.fix'),
          edits: [{ start: i.name.startIndex, end: i.name.endIndex, newText: 'Write-Output' }],
        });
      }
    },
  },
  {
    code: 'TSSR-P006',
    alias: 'PSUseApprovedVerbs',
    language: 'powershell',
    severity: 'warning',
    critere: 'CCS4.2',
    title: texts('lint.P006.title'),
    explanation: texts('lint.P006.explanation'),
    check(ctx) {
      for (const fm of ctx.text.matchAll(/\bfunction\s+(?=[A-Za-z]+-\w)/gi)) {
        const f = nodeOfTypeAt(ctx.root, fm.index! + fm[0].length, 'function_name');
        if (!f) continue;
        const m = /^([A-Za-z]+)-\w/.exec(f.text);
        if (m && !VERBS.has(m[1].toLowerCase())) {
          ctx.report(f, texts('lint.P006.message', m[1]));
        }
      }
    },
  },
  {
    code: 'TSSR-P010',
    alias: 'PSAvoidUsingPositionalParameters',
    language: 'powershell',
    severity: 'info',
    critere: 'CCS4.2',
    title: texts('lint.P010.title'),
    explanation: texts('lint.P010.explanation'),
    check(ctx) {
      // Text first: only Verb-Noun words whose line seems to hold three positional arguments are looked up in the tree.
      for (const i of invocationsMatching(ctx.root, ctx.text, VERB_NOUN, (line) => positionalEstimate(line) >= POSITIONAL_THRESHOLD)) {
        let positional = 0;
        i.elements.forEach((e, k) => {
          if (e.type === 'command_parameter') return;
          const prev = i.elements[k - 1];
          if (prev?.type === 'command_parameter' && !prev.text.endsWith(':')) return;
          if (e.type === 'redirection' || e.text.startsWith('@')) return;
          positional++;
        });
        if (positional >= POSITIONAL_THRESHOLD) {
          ctx.report(i.node, texts('lint.P010.message', ctx.text.slice(i.start, i.start + i.lower.length), positional));
        }
      }
    },
  },
];
