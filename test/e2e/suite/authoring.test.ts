import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TssrLabApi } from '../../../extension/src/extension';

/** The in-host tests of trainers' authoring: completion and hovers in a real exercise.yaml. */
export function authoringTests(): void {
  describe('Writing an exercise.yaml in a real VS Code', () => {
    let doc: vscode.TextDocument;

    before(async () => {
      const api = await vscode.extensions.getExtension<TssrLabApi>('tssr-lab.tssr-lab')!.activate();
      const poste = api.services.packs.exercise('poste')!;
      doc = await vscode.workspace.openTextDocument(vscode.Uri.file(`${poste.exercise.dir}/exercise.yaml`));
      await vscode.window.showTextDocument(doc);
    });

    /** The position just after the first occurrence of `text` in the file. */
    const after = (text: string): vscode.Position => {
      const at = doc.getText().indexOf(text);
      assert.ok(at >= 0, `${text} not in the file`);
      return doc.positionAt(at + text.length);
    };
    const complete = async (pos: vscode.Position): Promise<vscode.CompletionItem[]> =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos)).items;
    const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

    it('offers the check types, documented from their schemas, at a check’s type', async () => {
      const items = await complete(after('- type: '));
      const types = items.filter((i) => i.kind === vscode.CompletionItemKind.Class);
      for (const t of ['file', 'command', 'service', 'lint'])
        assert.ok(
          types.some((i) => label(i) === t),
          `${t} missing`,
        );
      const lint = types.find((i) => label(i) === 'lint')!;
      // French by default (tssrLab.language), from the schema's own description.
      assert.match((lint.documentation as vscode.MarkdownString).value, /Passe le coach de scripts sur les fichiers de travail/);
    });

    it('offers the référentiel’s critères with their official text at referentiel:', async () => {
      const items = await complete(after('referentiel: '));
      const c = items.find((i) => label(i) === 'CP9.1');
      assert.ok(c, `CP9.1 not among ${items.length} items`);
      assert.match((c.documentation as vscode.MarkdownString).value, /\*\*CP9\.1\*\* — .+Compétence \*\*CP9\*\*/s);
      assert.ok(items.some((i) => label(i) === 'CCS4.2'));
    });

    it('shows a critère’s official text and its competence on hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, after('referentiel: CP9'));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*CP9\.1\*\* — /);
      assert.match(text, /Compétence \*\*CP9\*\*/);
    });
  });
}
