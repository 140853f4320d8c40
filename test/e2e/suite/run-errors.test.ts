import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TssrLabApi } from '../../../extension/src/extension';
import type { RunUpdate } from '../../../extension/src/features/run-service';
import type { Reported } from '../../../extension/src/features/testing';
import type { RunReport } from '../../../schemas/generated/types';
import { activeApi, closedPort, next, withSettings } from './helpers';

/** A pack written into the workspace for the live run: a quick critère, then a slow one. */
function writeLivePack(root: string): string {
  const dir = join(root, 'live-run');
  mkdirSync(join(dir, 'direct'), { recursive: true });
  writeFileSync(join(dir, 'pack.yaml'), 'id: live\ntitle: Direct\nversion: 1.0.0\n');
  writeFileSync(join(dir, 'direct/enonce.md'), '# Direct\n');
  writeFileSync(join(dir, 'direct/x.sh'), '#!/bin/sh\n');
  writeFileSync(
    join(dir, 'direct/exercise.yaml'),
    [
      'id: direct',
      'title: Résultats en direct',
      'competences: [CP9]',
      'solution: { apply: x.sh }',
      'criteria:',
      "  - { id: rapide, title: Rapide, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: file, path: /etc/passwd, contents: ['root:'] }] }",
      "  - { id: lent, title: Lent, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: command, exec: [sleep, '2'], exitStatus: 0 }] }",
      '',
    ].join('\n'),
  );
  return dir;
}

/** In-host tests of the run path: errors that end a run visibly, and results that show while it runs. */
export function runErrorTests(): void {
  let api: TssrLabApi;
  before(async () => {
    api = await activeApi();
  });

  describe('The run path: errors end the run visibly, results show live', () => {
    it('an unreachable SSH target ends the run at once: critères back to non exécuté, a French error with the buttons that fix it', async () => {
      const port = await closedPort();
      const ex = api.services.packs.exercise('poste')!.exercise;
      const updates: RunUpdate[] = [];
      const sub = api.services.runs.onUpdate((u) => updates.push(u));
      const report = await withSettings({ target: `ssh://root@127.0.0.1:${port}` }, async () =>
        vscode.commands.executeCommand<RunReport | undefined>('tssrLab.verify', 'poste'),
      );
      sub.dispose();
      assert.equal(report, undefined);
      assert.ok(updates[0]?.started, 'the run never showed as started');
      const last = updates.at(-1)!;
      assert.equal(last.failure?.code, 'UNREACHABLE');
      assert.deepEqual(
        [...api.services.runs.sessions.get(ex.dir)!.criteria.values()].map((c) => c.status),
        ['notRun', 'notRun'],
      );
      assert.match(last.done?.error ?? '', /Connexion refusée par ssh:\/\/root@127\.0\.0\.1/);
      const shown = api.services.errors.lastShown!;
      assert.match(shown.message, /Connexion refusée/);
      assert.deepEqual(shown.buttons, ['Choisir la cible', 'Ouvrir les paramètres', 'Voir le journal']);
    });

    it('gives each critère to the Testing view as soon as it settles, before the run ends', async () => {
      const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      const dir = writeLivePack(root);
      try {
        await api.services.packs.reload();
        const found = api.services.packs.exercise('direct');
        assert.ok(found, 'the live pack did not load');
        const order: string[] = [];
        const subs = [
          api.testing.onDidReport((r: Reported) => order.push(`reported ${r.criterionId} ${r.status}`)),
          api.services.runs.onUpdate((u) => {
            if (u.event?.event === 'result') order.push(`result ${u.event.criterionId}`);
            if (u.done) order.push('done');
          }),
        ];
        const ended = next(api.services.runs.onUpdate, (u) => (u.done && u.exerciseDir === found.exercise.dir ? u.done : undefined));
        await vscode.commands.executeCommand('tssrLab.verify', 'direct');
        await ended;
        subs.forEach((s) => s.dispose());
        const quick = order.indexOf('reported rapide passed');
        assert.ok(quick >= 0, `rapide was never reported: ${order.join(', ')}`);
        assert.ok(quick < order.indexOf('result lent'), `rapide was reported only after the slow critère: ${order.join(', ')}`);
        assert.ok(order.includes('reported lent passed'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await api.services.packs.reload();
      }
    });

    it('places a failure in the Problems panel on one line, never on exercise.yaml', async () => {
      const ex = api.services.packs.exercise('poste')!.exercise;
      await vscode.commands.executeCommand('tssrLab.verify', 'poste');
      const mine = vscode.languages
        .getDiagnostics()
        .filter(([, list]) => list.some((d) => d.source === 'TSSR Lab' && d.code === 'sauvegardes'))
        .map(([uri]) => uri);
      assert.ok(mine.length > 0, 'the failed critère is not in Problems');
      assert.ok(!mine.some((u) => u.fsPath === ex.file), 'a failure is attached to exercise.yaml');
      for (const [, list] of vscode.languages.getDiagnostics()) for (const d of list) if (d.code === 'sauvegardes') assert.doesNotMatch(d.message, /[\n⏎]/);
    });
  });
}
