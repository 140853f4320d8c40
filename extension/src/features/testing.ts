import * as vscode from 'vscode';
import type { Result } from '../../../schemas/generated/types';
import type { CriterionReport, RunReport } from '../../../schemas/generated/types';
import { criterionRange } from '../core/locate';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { t } from '../core/i18n';
import { localize } from '../core/text';
import { toRange } from './convert';
import type { Services } from './services';

/** What a TestItem stands for; kept beside the items, not in them. */
type ItemData = { pack: LoadedPack; exercise: LoadedExercise; criterionId?: string };

function message(r: Result, c: CriterionReport, exercise: LoadedExercise, index: number): vscode.TestMessage {
  const show = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v, null, 2) ?? ''));
  const m =
    r.expected !== undefined || r.actual !== undefined
      ? vscode.TestMessage.diff(`${r.message}\n${c.hint ?? ''}`, show(r.expected), show(r.actual))
      : new vscode.TestMessage(`${r.message}\n${c.hint ?? ''}`);
  m.location = new vscode.Location(vscode.Uri.file(exercise.file), toRange(criterionRange(exercise.file, index)));
  return m;
}

/** A TestController mirroring exercises and critères; a run checks them on the configured target. */
export function registerTesting(context: vscode.ExtensionContext, services: Services): vscode.TestController {
  const ctrl = vscode.tests.createTestController('tssrLab', 'TSSR Lab');
  const data = new WeakMap<vscode.TestItem, ItemData>();

  const rebuild = (): void => {
    const items: vscode.TestItem[] = [];
    const lang = services.lang();
    for (const pack of services.packs.packs) {
      for (const exercise of pack.exercises) {
        if (!exercise.data) continue;
        const exItem = ctrl.createTestItem(`ex:${exercise.dir}`, localize(exercise.data.title, lang), vscode.Uri.file(exercise.file));
        data.set(exItem, { pack, exercise });
        exercise.data.criteria.forEach((c, i) => {
          const item = ctrl.createTestItem(`cr:${exercise.dir}#${c.id}`, localize(c.title, lang), vscode.Uri.file(exercise.file));
          item.range = toRange(criterionRange(exercise.file, i));
          item.description = c.referentiel;
          data.set(item, { pack, exercise, criterionId: c.id });
          exItem.children.add(item);
        });
        items.push(exItem);
      }
    }
    ctrl.items.replace(items);
  };

  /** Exercises whose run was started from the Testing view (others are mirrored into a new TestRun). */
  const own = new Set<string>();

  const record = (run: vscode.TestRun, report: RunReport, items: Map<string, vscode.TestItem>, exercise: LoadedExercise): void => {
    report.criteria.forEach((c, index) => {
      const item = items.get(c.id);
      if (!item) return;
      const duration = c.results.reduce((m, r) => Math.max(m, r.durationMs), 0);
      const bad = c.results.filter((r) => r.status === 'fail' || r.status === 'error');
      for (const r of c.results) run.appendOutput(`[${c.id}] ${r.status.toUpperCase()} ${r.checkType} ${r.message}\r\n`, undefined, item);
      if (c.status === 'passed') run.passed(item, duration);
      else if (c.status === 'failed')
        run.failed(
          item,
          bad.map((r) => message(r, c, exercise, index)),
          duration,
        );
      else if (c.status === 'notRun') run.skipped(item);
      else run.errored(item, bad.length ? bad.map((r) => message(r, c, exercise, index)) : [new vscode.TestMessage(report.error ?? c.status)], duration);
    });
  };

  // A run started elsewhere (the Vérifier command, the tree) shows in the Testing view too.
  context.subscriptions.push(
    services.runs.onUpdate((u) => {
      if (!u.done || own.has(u.exerciseDir)) return;
      const exItem = ctrl.items.get(`ex:${u.exerciseDir}`);
      const d = exItem && data.get(exItem);
      if (!exItem || !d) return;
      const items = new Map(iter(exItem.children).map((i) => [data.get(i)!.criterionId!, i] as const));
      const run = ctrl.createTestRun(new vscode.TestRunRequest([exItem]), undefined, false);
      record(run, u.done, items, d.exercise);
      run.end();
    }),
  );

  const runHandler = async (request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> => {
    const run = ctrl.createTestRun(request);
    const roots: vscode.TestItem[] = [];
    (request.include ?? [...iter(ctrl.items)]).forEach((i) => roots.push(i));
    const byExercise = new Map<string, { d: ItemData; only?: Set<string>; items: Map<string, vscode.TestItem> }>();
    for (const item of roots) {
      const d = data.get(item);
      if (!d) continue;
      const entry = byExercise.get(d.exercise.dir) ?? { d, only: new Set<string>(), items: new Map() };
      const crits = d.criterionId ? [item] : [...iter(item.children)];
      if (!d.criterionId) entry.only = undefined;
      for (const c of crits) {
        const cd = data.get(c)!;
        entry.items.set(cd.criterionId!, c);
        entry.only?.add(cd.criterionId!);
        run.started(c);
      }
      byExercise.set(d.exercise.dir, entry);
    }
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    for (const { d, only, items } of byExercise.values()) {
      if (token.isCancellationRequested) break;
      try {
        own.add(d.exercise.dir);
        const report = await services.runs.verify(d.pack, d.exercise, only ? [...only] : undefined, abort.signal).finally(() => own.delete(d.exercise.dir));
        record(run, report, items, d.exercise);
      } catch (e) {
        for (const item of items.values()) run.errored(item, new vscode.TestMessage((e as Error).message));
      }
    }
    run.end();
  };

  ctrl.createRunProfile(t(services.lang(), 'ui.runProfile'), vscode.TestRunProfileKind.Run, runHandler, true, undefined, false);
  ctrl.refreshHandler = async () => {
    await services.packs.reload();
  };
  context.subscriptions.push(ctrl, services.packs.onDidChange(rebuild));
  rebuild();
  return ctrl;
}

function iter(collection: vscode.TestItemCollection): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  collection.forEach((i) => out.push(i));
  return out;
}
