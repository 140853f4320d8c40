import * as vscode from 'vscode';
import { referentiel } from '../core/referentiel';
import { RULES } from '../core/lint/rules';
import type { Finding } from '../core/lint/types';
import { t, type Lang } from '../core/i18n';
import type { ScriptCoach } from './script-coach';
import { CommandIds, type Services } from './services';

/** Markdown explanation of a finding: message, why, how, and the critère it serves. */
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

/** The explain panel's Markdown: every finding of a file, grouped by critère. */
export function explainDocument(file: string, findings: Finding[], lang: Lang): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.critere ?? '—', [...(groups.get(f.critere ?? '—') ?? []), f]);
  const title = t(lang, 'lint.explainTitle', file);
  if (!findings.length) return `${title}\n\n${t(lang, 'lint.noFindings')}\n`;
  const parts = [title, ''];
  for (const [id, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const c = referentiel.critere(id);
    parts.push(`## ${c ? `${id} — ${c.text}` : t(lang, 'lint.otherFindings')}`, '');
    for (const f of list) parts.push(`### ${t(lang, 'lint.line', f.range.line)} — ${f.code}`, '', explain(f, lang), '');
  }
  return parts.join('\n');
}

/** Hovers, quick fixes, rule pages and the explain panel of the script coach. */
export function registerScriptCoachUi(context: vscode.ExtensionContext, services: Services, coach: ScriptCoach): void {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  const explainUri = (doc: vscode.Uri): vscode.Uri => vscode.Uri.from({ scheme: 'tssr-lab-explain', path: `${doc.path}.md` });
  const explainChanged = new vscode.EventEmitter<vscode.Uri>();

  context.subscriptions.push(
    explainChanged,
    coach.onDidAnalyse((uri) => explainChanged.fire(explainUri(uri))),
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
    vscode.workspace.registerTextDocumentContentProvider('tssr-lab-explain', {
      onDidChange: explainChanged.event,
      provideTextDocumentContent(uri) {
        const file = uri.path.replace(/\.md$/, '');
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.path === file);
        return explainDocument(file.split('/').pop() ?? file, doc ? coach.findings(doc.uri) : [], services.lang());
      },
    }),
    vscode.commands.registerCommand(CommandIds.explainScript, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !coach.languageOf(editor.document)) {
        void vscode.window.showInformationMessage(t(services.lang(), 'ui.openScript'));
        return;
      }
      await coach.analyse(editor.document);
      const uri = explainUri(editor.document.uri);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, async () => {
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      });
    }),
  );
}
