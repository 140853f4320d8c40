import assert from 'node:assert/strict';
import { findingsOf, ruleTable, testParser, type RuleCases } from '../helpers/lint';

const HELP = '<#\n.SYNOPSIS\n  Test.\n.DESCRIPTION\n  Test.\n.EXAMPLE\n  .\\t.ps1\n#>\n[CmdletBinding()]\nparam()\n';

const table: RuleCases[] = [
  {
    code: 'TSSR-P001',
    bad: ['Get-Date\n', '<#\n.SYNOPSIS\n  x\n#>\nGet-Date\n', '# .SYNOPSIS x\nGet-Date\n'],
    good: [HELP + 'Get-Date\n'],
  },
  {
    code: 'TSSR-P002',
    bad: [
      HELP + 'ls C:\\\n',
      HELP + 'Get-Process | % { $_.Name }\n',
      HELP + 'Get-Service | ? Status -eq Running\n',
      HELP + 'gci -Recurse\n',
      HELP + 'Get-Item x | select Name\n',
    ],
    good: [HELP + 'Get-ChildItem -Path C:\\\n', HELP + 'foreach ($p in Get-Process) { $p.Name }\n', HELP + '$ls = 3\n', HELP + 'Write-Output "ls"\n'],
    fix: [[HELP + 'gci -Recurse\n', HELP + 'Get-ChildItem -Recurse\n']],
  },
  {
    code: 'TSSR-P003',
    bad: [
      HELP.replace('param()', 'param([string]$Password)'),
      HELP.replace('param()', 'param($MotDePasse)'),
      'function Connect-X { param([string]$AdminPassword) }\n',
    ],
    good: [
      HELP.replace('param()', 'param([SecureString]$Password)'),
      HELP.replace('param()', 'param([PSCredential]$Credential)'),
      HELP.replace('param()', 'param([string]$PasswordPolicy)'),
    ],
  },
  {
    code: 'TSSR-P004',
    bad: [HELP + '$s = ConvertTo-SecureString "P@ss" -AsPlainText -Force\n'],
    good: [HELP + '$s = Read-Host -AsSecureString\n', HELP + '$s = ConvertTo-SecureString $chiffre\n'],
  },
  {
    code: 'TSSR-P005',
    bad: [HELP + 'Write-Host "Total : $n"\n', HELP + 'write-host $x\n'],
    good: [HELP + 'Write-Output "Total : $n"\n', HELP + 'Write-Verbose "étape 1"\n', HELP + '"Write-Host"\n'],
    fix: [[HELP + 'Write-Host "Total"\n', HELP + 'Write-Output "Total"\n']],
  },
  {
    code: 'TSSR-P006',
    bad: ['function Fetch-Users { }\n', 'function Delete-Item2 { }\n', 'function Create-Share { }\n'],
    good: ['function Get-Users { }\n', 'function New-Share { }\n', 'function helper { }\n', 'function ConvertTo-Csv2 { }\n'],
  },
  {
    code: 'TSSR-P007',
    bad: [
      HELP + 'try { Get-Item x } catch { }\n',
      HELP + 'try { Get-Item x } catch [System.IO.IOException] {\n}\n',
      HELP + 'try { Get-Item x } catch [System.IO.IOException], [System.UnauthorizedAccessException] { # rien\n  <# vraiment rien #>\n}\n',
      HELP + 'try { Get-Item x }\nCatch\n{\n}\n',
    ],
    good: [
      HELP + 'try { Get-Item x } catch { Write-Error $_ }\n',
      HELP + 'try { Get-Item x } catch { throw }\n',
      HELP + 'try { Get-Item x } catch { # journalisé\n  Write-Warning "catch { } ignoré"\n}\n',
      HELP + 'Write-Output "try { } catch { }"\n',
    ],
    fix: [[HELP + 'try { Get-Item x } catch { }\n', HELP + 'try { Get-Item x } catch { Write-Error $_ }\n']],
  },
  {
    code: 'TSSR-P008',
    bad: [HELP + 'Invoke-Expression $commande\n', HELP + 'iex "Get-Date"\n'],
    good: [HELP + '& $commande @params\n', HELP + 'Write-Output "Invoke-Expression"\n'],
  },
  {
    code: 'TSSR-P009',
    bad: [
      HELP + 'Get-Service -ComputerName "SRV-AD01"\n',
      HELP + "Restart-Computer -ComputerName 'pc12' -Force\n",
      HELP + 'Get-CimInstance Win32_OS -ComputerName SRV01\n',
    ],
    good: [HELP + 'Get-Service -ComputerName $ComputerName\n', HELP + 'Get-Service -ComputerName localhost\n', HELP + 'Get-Service -Name "SRV01"\n'],
  },
  {
    code: 'TSSR-P010',
    bad: [HELP + 'Copy-Item a.txt b.txt c\n', HELP + 'New-Item x File y\n'],
    good: [
      HELP + 'Copy-Item -Path a.txt -Destination b.txt\n',
      HELP + 'Get-ChildItem C:\\\n',
      HELP + 'Copy-Item a.txt b.txt\n',
      HELP + 'robocopy a b c /MIR\n',
    ],
  },
  {
    code: 'TSSR-P011',
    bad: [HELP + '$global:Compteur = 0\n', HELP + 'Write-Output $Global:Config\n'],
    good: [HELP + '$script:Compteur = 0\n', HELP + '$Compteur = 0\n'],
  },
  {
    code: 'TSSR-P012',
    bad: [HELP + 'if ($x -eq $null) { }\n', HELP + 'if ($liste -ne $null) { }\n'],
    good: [HELP + 'if ($null -eq $x) { }\n', HELP + 'if ($x -eq 3) { }\n', HELP + 'if ($a -gt $null) { }\n'],
    fix: [[HELP + 'if ($x -eq $null) { }\n', HELP + 'if ($null -eq $x) { }\n']],
  },
  {
    code: 'TSSR-P013',
    bad: ['<#\n.SYNOPSIS\n x\n#>\nparam([string]$Nom)\nWrite-Output $Nom\n', 'Write-Output $args[0]\n'],
    good: [HELP + 'Write-Output 1\n', '[CmdletBinding()]\nparam([string]$Nom)\n'],
    fix: [['param([string]$Nom)\n', '[CmdletBinding()]\nparam([string]$Nom)\n']],
  },
];

describe('script coach: PowerShell rules (PSScriptAnalyzer names)', () => {
  before(testParser);
  ruleTable(table, 'powershell');

  it('carries the PSScriptAnalyzer rule name as alias', () => {
    assert.equal(findingsOf(HELP + 'gci\n', 'powershell', 'TSSR-P002')[0].alias, 'PSAvoidUsingCmdletAliases');
  });
});
