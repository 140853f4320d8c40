import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../../schemas/generated/types';
import type { TssrLabApi } from '../../../extension/src/extension';
import type { StartOutcome } from '../../../extension/src/features/statement/starter';
import type { HintOutcome } from '../../../extension/src/features/statement/hints';
import type { ProgressExport } from '../../../extension/src/core/learner/progress';
import { activeApi, withSettings } from './helpers';

/** The learner's path in a real VS Code: Commencer, a run on the learner's copy, the hint ladder, progress, exam mode. */
export function learnerTests(): void {
  describe('the learner path', () => {
    let api: TssrLabApi;
    let root: string;
    let packDir: string;
    let exerciseDir: string;
    let learnerCopy: string;
    const exportFile = join(mkdtempSync(join(tmpdir(), 'tssr-progress-')), 'progression.json');
    const exported = async (): Promise<ProgressExport> => {
      await vscode.commands.executeCommand('tssrLab.exportProgress', exportFile);
      return JSON.parse(readFileSync(exportFile, 'utf8')) as ProgressExport;
    };

    before(async () => {
      api = await activeApi();
      root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      packDir = join(root, 'decouverte-inhost');
      // A version of its own: the UI steps later start from a fresh ledger and progress for version 1.0.0.
      cpSync(join(__dirname, '../../test/fixtures/e2e-learner'), packDir, { recursive: true });
      const packFile = join(packDir, 'pack.yaml');
      writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('version: 1.0.0', 'version: 1.0.0-essai'));
      exerciseDir = join(packDir, 'script-bonjour');
      learnerCopy = join(root, 'script-bonjour');
      await api.services.packs.reload();
    });

    after(async () => {
      rmSync(packDir, { recursive: true, force: true });
      rmSync(learnerCopy, { recursive: true, force: true });
      await api.services.packs.reload();
    });

    it('Commencer copies the starter file into <workspace>/<exercise>, then runs read that copy; a second time copies nothing', async () => {
      const first = await vscode.commands.executeCommand<StartOutcome>('tssrLab.startExercise', exerciseDir);
      assert.deepEqual(first.written, ['bonjour.sh']);
      assert.equal(first.dir, learnerCopy);
      assert.match(readFileSync(join(learnerCopy, 'bonjour.sh'), 'utf8'), /TODO/);
      assert.equal(api.services.runs.workspaceDirOf(exerciseDir), learnerCopy);
      const again = await vscode.commands.executeCommand<StartOutcome>('tssrLab.startExercise', exerciseDir);
      assert.deepEqual([again.written, again.plan.map((p) => p.state)], [[], ['same']]);
    });

    it('a failed critère gives its hints one step at a time, from the Testing message menu, and they are kept', async () => {
      const report = await vscode.commands.executeCommand<RunReport>('tssrLab.verify', exerciseDir);
      assert.deepEqual(
        report.criteria.map((c) => [c.id, c.status]),
        [
          ['shebang', 'passed'],
          ['aide', 'failed'],
          ['presentation', 'notRun'],
        ],
      );
      // What VS Code hands the command from `testing/message/context`: the critère's test item and the message.
      const menuArg = { test: { id: `cr:${exerciseDir}#aide` }, message: { contextValue: 'tssrLab.failed' } };
      const one = await vscode.commands.executeCommand<HintOutcome>('tssrLab.nextHint', menuArg);
      const two = await vscode.commands.executeCommand<HintOutcome>('tssrLab.nextHint', menuArg);
      assert.deepEqual(
        [one, two].map((h) => (h.kind === 'hint' ? [h.index, h.total] : h.kind)),
        [
          [0, 3],
          [1, 3],
        ],
      );
      assert.match(two.kind === 'hint' ? two.text : '', /case/);
      const out = await exported();
      const pack = out.packs.find((p) => p.key === 'decouverte@1.0.0-essai');
      assert.deepEqual(pack?.hints, { 'script-bonjour': { aide: 2 } });
      assert.equal(pack?.progress['script-bonjour'].aide.status, 'failed');
    });

    it('fixing the learner copy passes the critère, and progress by competence counts it', async () => {
      writeFileSync(join(learnerCopy, 'bonjour.sh'), readFileSync(join(exerciseDir, 'solution/bonjour.sh')));
      const report = await vscode.commands.executeCommand<RunReport>('tssrLab.verify', exerciseDir);
      assert.equal(report.criteria.find((c) => c.id === 'aide')?.status, 'passed');
      // The two hints revealed above travel with the report, for whoever reads it.
      assert.equal(report.criteria.find((c) => c.id === 'aide')?.hintsUsed, 2);
      const out = await exported();
      assert.equal(out.packs.find((p) => p.key === 'decouverte@1.0.0-essai')?.progress['script-bonjour'].aide.status, 'passed');
      const ccs4 = out.competences.find((c) => c.id === 'CCS4')!;
      const cp11 = out.competences.find((c) => c.id === 'CP11')!;
      assert.ok(ccs4.passed >= 1 && cp11.jury >= 1, JSON.stringify({ ccs4, cp11 }));
      assert.equal(await vscode.commands.executeCommand('tssrLab.showProgress'), true);
    });

    it('exam mode gives no hint', async () => {
      const outcome = await withSettings({ exam: true }, async () => vscode.commands.executeCommand<HintOutcome>('tssrLab.nextHint', exerciseDir));
      assert.deepEqual(outcome, { kind: 'none', why: 'exam' });
    });

    it('the sample pack is copied into a folder the learner picks, never over an existing one', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'tssr-sample-'));
      const dest = await vscode.commands.executeCommand<string>('tssrLab.openSample', parent);
      assert.equal(dest, join(parent, 'tssr-debian'));
      assert.ok(existsSync(join(dest, 'pack.yaml')) && existsSync(join(dest, 'script-sauvegarde/sauvegarde.sh')));
      assert.equal(await vscode.commands.executeCommand('tssrLab.openSample', parent), undefined);
      rmSync(parent, { recursive: true, force: true });
    });

    it('the statement opens as a webview from enonce.md', async () => {
      assert.equal(await vscode.commands.executeCommand('tssrLab.openStatement', exerciseDir), true);
      assert.ok(existsSync(join(exerciseDir, 'enonce.md')));
    });
  });
}
