import * as vscode from 'vscode';
import { complete, type CompletionScope, type Suggestion } from '../core/authoring/complete';
import { referentielHover } from '../core/authoring/referentiel-help';
import { schemaHover } from '../core/authoring/schema-hover';
import type { Services } from './services';

/** exercise.yaml and pack.yaml, on disk or not yet saved. */
const SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml', pattern: '**/exercise.yaml' },
  { language: 'yaml', pattern: '**/pack.yaml' },
];

const KIND: Record<Suggestion['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  checkType: vscode.CompletionItemKind.Class,
  critere: vscode.CompletionItemKind.Reference,
  competence: vscode.CompletionItemKind.Module,
  snippet: vscode.CompletionItemKind.Snippet,
};

/** Red Hat's YAML extension completes keys and enums from the schemas (contributes.yamlValidation): then only the rest is ours. */
function scope(): CompletionScope {
  return vscode.extensions.getExtension('redhat.vscode-yaml') ? 'tssrOnly' : 'all';
}

function fileKind(doc: vscode.TextDocument): 'exercise' | 'pack' {
  return doc.uri.path.endsWith('/pack.yaml') ? 'pack' : 'exercise';
}

function toItem(doc: vscode.TextDocument, s: Suggestion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(s.label, KIND[s.kind]);
  item.detail = s.detail;
  if (s.documentation) item.documentation = new vscode.MarkdownString(s.documentation);
  item.insertText = s.snippet ? new vscode.SnippetString(s.insertText) : s.insertText;
  item.range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
  item.sortText = s.sortText;
  // A key's value follows at once: reopen the list for it (check types, enum values, référentiel ids).
  if (s.kind === 'property') item.command = { command: 'editor.action.triggerSuggest', title: '' };
  return item;
}

/** Completion and hovers for trainers writing exercise.yaml and pack.yaml, without the YAML extension. */
export function registerAuthoring(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(doc, position) {
          const items = complete(doc.getText(), doc.offsetAt(position), fileKind(doc), services.lang(), scope());
          return items.map((s) => toItem(doc, s));
        },
      },
      ' ',
      ':',
      '[',
      ',',
    ),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(doc, position) {
        const [text, offset, lang] = [doc.getText(), doc.offsetAt(position), services.lang()];
        // The YAML extension hovers keys from the same schemas: ours would show the same text twice.
        const h = referentielHover(text, offset, lang) ?? (scope() === 'all' ? schemaHover(text, offset, fileKind(doc), lang) : undefined);
        return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)));
      },
    }),
  );
}
