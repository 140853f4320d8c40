import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TssrLabApi } from '../../../extension/src/extension';
import type { RunReport } from '../../../schemas/generated/types';

const EXTENSION_ID = 'tssr-lab.tssr-lab';

/** Waits for a condition driven by events, bounded in time. */
async function until<T>(probe: () => T | undefined, event: vscode.Event<unknown>, ms = 20_000): Promise<T> {
  const now = probe();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('condition not met in time'));
    }, ms);
    const sub = event(() => {
      const v = probe();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** The in-host tests, declared inside mocha's bdd globals. */
export function extensionTests(): void {
  let api: TssrLabApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<TssrLabApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    api = await ext.activate();
  });

  describe('TSSR Lab in a real VS Code', () => {
    it('loads the workspace packs, valid and broken', () => {
      const ids = api.services.packs.packs.map((p) => p.data?.id).sort();
      assert.deepEqual(ids, ['broken', 'demo']);
      const demo = api.services.packs.exercise('poste');
      assert.ok(demo?.exercise.data);
      console.log(`activation: ${api.activationMs} ms`);
    });

    it('reports the broken pack in the Problems panel at the right range', async () => {
      const broken = api.services.packs.packs.find((p) => p.data?.id === 'broken')!;
      const uri = vscode.Uri.file(broken.exercises[0].file);
      const diags = await until(() => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length ? d : undefined;
      }, vscode.languages.onDidChangeDiagnostics);
      assert.equal(diags.length, 1);
      assert.match(diags[0].message, /servise/);
      assert.equal(diags[0].range.start.line, 12);
      assert.equal(diags[0].range.start.character, 8);
    });

    it('validates a pack file live while it is edited', async () => {
      const demo = api.services.packs.packs.find((p) => p.data?.id === 'demo')!;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(demo.file));
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), 'couleur: bleu\n');
      await vscode.workspace.applyEdit(edit);
      const diags = await until(() => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.length ? d : undefined;
      }, vscode.languages.onDidChangeDiagnostics);
      assert.match(diags[0].message, /couleur/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('runs Vérifier on the local target and streams passed and failed critères', async () => {
      const seen: string[] = [];
      const sub = api.services.runs.onUpdate((u) => {
        if (u.event?.event === 'result') seen.push(u.event.criterionId);
      });
      const report = await vscode.commands.executeCommand<RunReport>('tssrLab.verify', 'poste');
      sub.dispose();
      assert.ok(report, 'the command returned no report');
      const status = Object.fromEntries(report.criteria.map((c) => [c.id, c.status]));
      assert.deepEqual(status, { comptes: 'passed', sauvegardes: 'failed' });
      assert.ok(seen.length >= 2, 'results did not stream through the run service');
      const ex = api.services.packs.exercise('poste')!.exercise;
      // A failure with no file of its own is placed on the statement, the learner's page: never on exercise.yaml.
      const diags = vscode.languages.getDiagnostics(vscode.Uri.file(`${ex.dir}/enonce.md`));
      assert.ok(
        diags.some((d) => d.code === 'sauvegardes' && /^Le dossier des sauvegardes existe : /.test(d.message)),
        'failed critère not in Problems',
      );
    });

    it('coaches a learner script: French diagnostics, then a quick fix applied', async () => {
      const demo = api.services.packs.exercise('poste')!;
      const uri = vscode.Uri.file(`${demo.exercise.dir}/nettoyage.sh`);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const unquoted = await until(
        () => vscode.languages.getDiagnostics(uri).find((d) => String((d.code as { value: string })?.value ?? d.code).startsWith('TSSR-B004')),
        vscode.languages.onDidChangeDiagnostics,
      );
      assert.match(unquoted.message, /n’est pas entre guillemets/);
      assert.equal(unquoted.source, 'TSSR Lab');
      // ShellCheck (installed by .ci/run) follows the TSSR rules and is merged in, with its code and wiki link.
      const sc = await until(
        () => vscode.languages.getDiagnostics(uri).find((d) => String((d.code as { value: string })?.value) === 'SC2045'),
        vscode.languages.onDidChangeDiagnostics,
      );
      assert.equal(sc.source, 'ShellCheck');
      assert.equal(String((sc.code as { target: vscode.Uri }).target), 'https://www.shellcheck.net/wiki/SC2045');
      // The explain panel is a webview; the command returns its page.
      const panel = await vscode.commands.executeCommand<string>('tssrLab.explainScript');
      assert.match(panel, /<h3>CP11\.3 — Les scripts sur le serveur Linux sont testés/);
      assert.match(panel, /TSSR-B004/);
      assert.ok(panel.indexOf('id="tssr"') < panel.indexOf('id="shellcheck"'), 'TSSR findings first');
      const target = (unquoted.code as { target: vscode.Uri }).target;
      const rulePage = await vscode.workspace.openTextDocument(target);
      assert.match(rulePage.getText(), /^# TSSR-B004 — Variable non protégée par des guillemets/);
      await vscode.window.showTextDocument(doc);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, unquoted.range.start);
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hoverText, /Mes documents/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unquoted.range);
      const quote = actions.find((a) => a.isPreferred && /guillemets/.test(a.title));
      assert.ok(quote?.edit, `no quick fix among ${actions.map((a) => a.title).join(' | ')}`);
      await vscode.workspace.applyEdit(quote.edit);
      assert.match(doc.getText(), /rm -f "\$dossier"\/\*\.tmp/);
      await until(
        () =>
          vscode.languages.getDiagnostics(uri).some((d) => String((d.code as { value: string })?.value ?? d.code).startsWith('TSSR-B004')) ? undefined : true,
        vscode.languages.onDidChangeDiagnostics,
      );
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('runs Vérifier on an ssh:// target from the settings, verifying the host key', async function () {
      const port = process.env.TSSR_E2E_SSH_PORT;
      if (!port) this.skip();
      const cfg = vscode.workspace.getConfiguration('tssrLab');
      await cfg.update('target', `ssh://root@127.0.0.1:${port}`, vscode.ConfigurationTarget.Workspace);
      await cfg.update('ssh.identityFile', process.env.TSSR_E2E_SSH_KEY, vscode.ConfigurationTarget.Workspace);
      await cfg.update('ssh.knownHostsFile', process.env.TSSR_E2E_SSH_KNOWN_HOSTS, vscode.ConfigurationTarget.Workspace);
      try {
        const report = await vscode.commands.executeCommand<RunReport>('tssrLab.verify', 'poste');
        assert.ok(report, 'the command returned no report');
        assert.equal(report.target, `ssh://root@127.0.0.1:${port}`);
        assert.deepEqual(
          report.criteria.map((c) => c.status),
          ['passed', 'failed'],
        );
      } finally {
        for (const key of ['target', 'ssh.identityFile', 'ssh.knownHostsFile']) await cfg.update(key, undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
