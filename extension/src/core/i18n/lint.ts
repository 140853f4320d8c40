import { defineEntries } from './define';

/** The lint command and the script coach: files it cannot read, silenced findings, the explain panel. */
export const lint = defineEntries({
  'lint.notFound': {
    fr: 'Script introuvable : {0} ; vérifiez le chemin',
    en: 'Script not found: {0}; check the path',
  },
  'lint.directory': {
    fr: '{0} est un dossier : donnez des fichiers de script (.sh, .ps1…)',
    en: '{0} is a folder: give script files (.sh, .ps1…)',
  },
  'lint.notFile': {
    fr: '{0} n’est pas un fichier ordinaire : donnez un fichier de script',
    en: '{0} is not a regular file: give a script file',
  },
  'lint.unreadable': {
    fr: 'Impossible de lire {0} : vérifiez les droits du fichier',
    en: 'Cannot read {0}: check the file permissions',
  },
  'lint.notScript': {
    fr: '{0} n’est ni un script bash ni un script PowerShell : ignoré',
    en: '{0} is neither a bash nor a PowerShell script: skipped',
  },
  'lint.silencedTag': { fr: ' [masqué par une directive]', en: ' [silenced by a directive]' },
  'lint.silencedDiagnostic': {
    fr: ' — masqué par une directive, reste visible de l’évaluateur',
    en: ' — silenced by a directive, still visible to the evaluator',
  },
  'lint.silencedNote': {
    fr: '⚠ Masqué par une directive : l’évaluateur le voit quand même.',
    en: '⚠ Silenced by a directive: the evaluator still sees it.',
  },
  'lint.silenceAction': {
    fr: 'Masquer {0} sur cette ligne (l’évaluateur le verra)',
    en: 'Silence {0} on this line (the evaluator will see it)',
  },
  'lint.line': { fr: 'Ligne {0}', en: 'Line {0}' },
  'lint.critere': { fr: 'Critère {0} : {1}', en: 'Critère {0}: {1}' },
  'lint.shellcheckFix': { fr: 'Correction ShellCheck ({0})', en: 'ShellCheck fix ({0})' },
  'lint.shellcheckMissing': {
    fr: 'ShellCheck n’est pas installé : les règles TSSR s’appliquent seules. Pour plus d’analyses : sudo apt-get install shellcheck',
    en: 'ShellCheck is not installed: the TSSR rules run alone. For more checks: sudo apt-get install shellcheck',
  },
  'lint.unknownRule': {
    fr: 'Règle inconnue {0} : tssr-lab rules liste les règles',
    en: 'Unknown rule {0}: tssr-lab rules lists the rules',
  },
});
