import type { Rule } from '../types';
import { commandWords, invocationsMatching, nodeOfTypeAt, positionalEstimate } from './ps-util';

/** Built-in aliases and the cmdlet each stands for. */
export const ALIASES: Record<string, string> = {
  '%': 'ForEach-Object', foreach: 'ForEach-Object', '?': 'Where-Object', where: 'Where-Object',
  ls: 'Get-ChildItem', dir: 'Get-ChildItem', gci: 'Get-ChildItem', cat: 'Get-Content', gc: 'Get-Content', type: 'Get-Content',
  echo: 'Write-Output', write: 'Write-Output', cd: 'Set-Location', chdir: 'Set-Location', sl: 'Set-Location', pwd: 'Get-Location', gl: 'Get-Location',
  cp: 'Copy-Item', copy: 'Copy-Item', cpi: 'Copy-Item', mv: 'Move-Item', move: 'Move-Item', mi: 'Move-Item',
  rm: 'Remove-Item', del: 'Remove-Item', erase: 'Remove-Item', rd: 'Remove-Item', rmdir: 'Remove-Item', ri: 'Remove-Item',
  cls: 'Clear-Host', clear: 'Clear-Host', ps: 'Get-Process', gps: 'Get-Process', kill: 'Stop-Process', spps: 'Stop-Process',
  select: 'Select-Object', sort: 'Sort-Object', ft: 'Format-Table', fl: 'Format-List', measure: 'Measure-Object', gm: 'Get-Member',
  iwr: 'Invoke-WebRequest', irm: 'Invoke-RestMethod', gsv: 'Get-Service', sasv: 'Start-Service', spsv: 'Stop-Service', sls: 'Select-String',
  ni: 'New-Item', gcm: 'Get-Command', icm: 'Invoke-Command', ipmo: 'Import-Module', tee: 'Tee-Object', gwmi: 'Get-WmiObject',
};

const ALIAS_WORDS = commandWords(Object.keys(ALIASES));
const WRITE_HOST = commandWords(['write-host']);
const VERB_NOUN = /(?<![\w$.\-:\\])[a-z]+-[a-z]\w*(?![\w-])/gi;

/** Approved verbs (Get-Verb). */
const VERBS = new Set(('Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm Connect Convert ConvertFrom ConvertTo Copy '
  + 'Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter Exit Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke '
  + 'Join Limit Lock Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename Repair Request '
  + 'Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip Split Start Step Stop Submit Suspend Switch Sync Test Trace '
  + 'Unblock Undo Uninstall Unlock Unprotect Unpublish Unregister Update Use Wait Watch Write').toLowerCase().split(' '));

/** Minimum number of positional arguments that PSScriptAnalyzer flags. */
const POSITIONAL_THRESHOLD = 3;

/** PowerShell style rules: aliases, Write-Host, verbs, positional parameters. */
export const psStyle: Rule[] = [
  {
    code: 'TSSR-P002', alias: 'PSAvoidUsingCmdletAliases', language: 'powershell', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Alias de cmdlet', en: 'Cmdlet alias' },
    explanation: {
      fr: 'Les alias (ls, %, ?, gci…) vont vite en console mais rendent un script illisible et dépendant de l’environnement (ls n’existe pas partout). Dans un script, écrivez le nom complet.',
      en: 'Aliases (ls, %, ?, gci…) are quick at the console but make a script unreadable and environment-dependent (ls is not everywhere). In a script, write the full name.',
    },
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, ALIAS_WORDS)) {
        const full = ALIASES[i.lower];
        if (!full) continue;
        ctx.report(i.name, { fr: `« ${ctx.text.slice(i.name.startIndex, i.name.startIndex + i.lower.length)} » est un alias de ${full}`, en: `"${ctx.text.slice(i.name.startIndex, i.name.startIndex + i.lower.length)}" is an alias of ${full}` },
          { title: { fr: `Remplacer par ${full}`, en: `Replace with ${full}` }, edits: [{ start: i.name.startIndex, end: i.name.endIndex, newText: full }] });
      }
    },
  },
  {
    code: 'TSSR-P005', alias: 'PSAvoidUsingWriteHost', language: 'powershell', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Write-Host pour produire des données', en: 'Write-Host for data output' },
    explanation: {
      fr: 'Write-Host écrit à l’écran, pas dans le pipeline : le résultat ne peut être ni redirigé, ni filtré, ni réutilisé. Renvoyez les données avec Write-Output (ou simplement la valeur) et les messages avec Write-Verbose/Write-Information.',
      en: 'Write-Host writes to the screen, not to the pipeline: the output cannot be redirected, filtered or reused. Return data with Write-Output (or just the value) and messages with Write-Verbose/Write-Information.',
    },
    check(ctx) {
      for (const i of invocationsMatching(ctx.root, ctx.text, WRITE_HOST)) {
        ctx.report(i.name, { fr: 'Write-Host ne renvoie rien dans le pipeline : utilisez Write-Output', en: 'Write-Host sends nothing down the pipeline: use Write-Output' },
          { title: { fr: 'Remplacer par Write-Output', en: 'Replace with Write-Output' }, edits: [{ start: i.name.startIndex, end: i.name.endIndex, newText: 'Write-Output' }] });
      }
    },
  },
  {
    code: 'TSSR-P006', alias: 'PSUseApprovedVerbs', language: 'powershell', severity: 'warning', critere: 'CCS4.2',
    title: { fr: 'Verbe non approuvé', en: 'Unapproved verb' },
    explanation: {
      fr: 'Les fonctions se nomment Verbe-Nom avec un verbe de « Get-Verb » (Get, Set, New, Remove…) : on devine ce qu’elles font et Import-Module ne râle pas.',
      en: 'Functions are named Verb-Noun with a verb from "Get-Verb" (Get, Set, New, Remove…): one can guess what they do, and Import-Module does not complain.',
    },
    check(ctx) {
      for (const fm of ctx.text.matchAll(/\bfunction\s+(?=[A-Za-z]+-\w)/gi)) {
        const f = nodeOfTypeAt(ctx.root, fm.index! + fm[0].length, 'function_name');
        if (!f) continue;
        const m = /^([A-Za-z]+)-\w/.exec(f.text);
        if (m && !VERBS.has(m[1].toLowerCase())) {
          ctx.report(f, { fr: `« ${m[1]} » n’est pas un verbe approuvé (voir Get-Verb)`, en: `"${m[1]}" is not an approved verb (see Get-Verb)` });
        }
      }
    },
  },
  {
    code: 'TSSR-P010', alias: 'PSAvoidUsingPositionalParameters', language: 'powershell', severity: 'info', critere: 'CCS4.2',
    title: { fr: 'Paramètres positionnels', en: 'Positional parameters' },
    explanation: {
      fr: '« Copy-Item a b c » oblige le lecteur à connaître l’ordre des paramètres. Nommez-les (-Path, -Destination…) : le script se lit et résiste aux changements de version.',
      en: '"Copy-Item a b c" makes the reader know the parameter order. Name them (-Path, -Destination…): the script reads well and survives version changes.',
    },
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
          ctx.report(i.node, { fr: `${ctx.text.slice(i.start, i.start + i.lower.length)} reçoit ${positional} arguments positionnels : nommez les paramètres`, en: `${ctx.text.slice(i.start, i.start + i.lower.length)} gets ${positional} positional arguments: name the parameters` });
        }
      }
    },
  },
];
