import * as vscode from 'vscode';
import { referentiel } from '../core/referentiel';
import { RULES } from '../core/lint/rules';
import type { Finding } from '../core/lint/types';
import { t, type Lang } from '../core/i18n';
import { ExplainPanel } from './script-coach-panel';
import type { ScriptCoach } from './script-coach';
import { CommandIds, type Services } from './services';

/** Markdown explanation of a finding for its hover: message, why, how, and the critère it serves. */
function explain(f: Finding, lang: Lang): string {
  const rule = RULES.find((r) => r.code === f.code);
  const critere = f.critere ? referentiel.critere(f.critere) : undefined;
  return [
    `**${f.code}${f.alias ? ` (${f.alias})` : ''}** — ${f.message[lang]}`,
    rule ? `\n${rule.explanation[lang]}` : f.url ? `\n[${f.url}](${f.url})` : '',
    critere ? `\n_${t(lang, 'lint.critere', critere.id, critere.text)}_` : '',
    f.suppressed ? `\n${t(lang, 'lint.silencedNote')}` : '',
  ].join('\n');
}

/** Hovers, quick fixes, rule pages and the explain panel of the script coach. */
export function registerScriptCoachUi(context: vscode.ExtensionContext, services: Services, coach: ScriptCoach): void {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  const panel = new ExplainPanel(services, coach);

  context.subscriptions.push(
    panel,
    vscode.languages.registerHoverProvider(selector, {
      provideHover(doc, pos) {
        const offset = doc.offsetAt(pos);
        const here = coach.findings(doc.uri).filter((f) => f.start <= offset && offset <= Math.max(f.end, f.start + 1));
        if (!here.length) return undefined;
        const md = new vscode.MarkdownString(here.map((f) => explain(f, services.lang())).join('\n\n---\n\n'));
        return new vscode.Hover(md);
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      selector,
      {
        provideCodeActions(doc, range) {
          const lang = services.lang();
          const actions: vscode.CodeAction[] = [];
          for (const f of coach.findings(doc.uri)) {
            const r = new vscode.Range(doc.positionAt(f.start), doc.positionAt(Math.max(f.end, f.start + 1)));
            if (!r.intersection(range) && !r.contains(range.start)) continue;
            if (f.fix && !f.suppressed) {
              const a = new vscode.CodeAction(`${f.fix.title[lang]} (${f.code})`, vscode.CodeActionKind.QuickFix);
              a.edit = new vscode.WorkspaceEdit();
              for (const e of f.fix.edits) a.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
              a.isPreferred = true;
              actions.push(a);
            }
            if (!f.suppressed) {
              const line = doc.lineAt(r.start.line);
              const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
              const silence = new vscode.CodeAction(t(lang, 'lint.silenceAction', f.code), vscode.CodeActionKind.QuickFix);
              silence.edit = new vscode.WorkspaceEdit();
              silence.edit.insert(doc.uri, line.range.start, `${indent}# tssr-lab-disable-next-line ${f.code}\n`);
              actions.push(silence);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.workspace.registerTextDocumentContentProvider('tssr-lab-rule', {
      provideTextDocumentContent(uri) {
        const code = uri.path.replace(/^\//, '').replace(/\.md$/, '');
        const rule = RULES.find((r) => r.code === code);
        const lang = services.lang();
        if (!rule) return `# ${code}\n`;
        const c = referentiel.critere(rule.critere);
        return `# ${rule.code} — ${rule.title[lang]}\n\n${rule.alias ? `PSScriptAnalyzer : \`${rule.alias}\`\n\n` : ''}${rule.explanation[lang]}\n\n_${rule.critere}${c ? ` : ${c.text}` : ''}_\n`;
      },
    }),
    vscode.commands.registerCommand(CommandIds.explainScript, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !coach.languageOf(editor.document)) {
        void vscode.window.showInformationMessage(t(services.lang(), 'ui.openScript'));
        return undefined;
      }
      await coach.analyse(editor.document);
      // The page's HTML, for the in-host tests.
      return panel.show(editor.document);
    }),
    vscode.commands.registerCommand(CommandIds.revealScriptLine, async (uri: vscode.Uri, line: number, col: number) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, col - 1));
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
    }),
  );
}
