import { defineEntries } from './define';

/** The script coach's "explain the findings" panel (a webview, core/lint/explain-html.ts). */
export const explainPanelTexts = defineEntries({
  'explain.panelTitle': { fr: 'Remarques : {0}', en: 'Findings: {0}' },
  'explain.title': { fr: 'Analyse de {0}', en: 'Analysis of {0}' },
  'explain.summary': {
    fr: '{0} remarque(s) TSSR, {1} de ShellCheck. Cliquez sur une ligne pour la voir dans l’éditeur.',
    en: '{0} TSSR finding(s), {1} from ShellCheck. Click a line to see it in the editor.',
  },
  'explain.none': { fr: 'Aucune remarque : le script passe l’analyse.', en: 'No findings: the script passes the analysis.' },
  'explain.tssr': { fr: 'Remarques TSSR', en: 'TSSR findings' },
  'explain.shellcheck': { fr: 'ShellCheck (messages en anglais)', en: 'ShellCheck' },
  'explain.noCritere': { fr: 'Hors référentiel', en: 'Outside the référentiel' },
  'explain.reveal': { fr: 'Afficher la ligne {0} dans l’éditeur', en: 'Show line {0} in the editor' },
  'explain.wiki': { fr: 'Explication sur shellcheck.net', en: 'Explanation on shellcheck.net' },
  'explain.severity.error': { fr: 'erreur', en: 'error' },
  'explain.severity.warning': { fr: 'avertissement', en: 'warning' },
  'explain.severity.info': { fr: 'information', en: 'info' },
});
