import * as vscode from 'vscode';
import { resolve } from 'node:path';
import type { CriterionReport } from '../../../schemas/generated/types';
import { checksOf } from '../core/criteria';
import { t } from '../core/i18n';
import { criterionRange } from '../core/locate';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { localize } from '../core/text';
import { toRange } from './convert';
import { fullText, isExam, shownFailures, trainerMode, type FailureContext } from './failure-view';
import type { RunUpdate } from './run-service';
import type { Services } from './services';

/** What a TestItem stands for; kept beside the items, not in them. */
type ItemData = { pack: LoadedPack; exercise: LoadedExercise; criterionId?: string };

/** A run in progress as the Testing view follows it: which critères have settled and been reported. */
interface LiveRun {
  run: vscode.TestRun;
  /** Whether the listener ends the TestRun (a run started outside the Testing view). */
  endsRun: boolean;
  items: Map<string, vscode.TestItem>;
  reported: Set<string>;
  ended: Map<string, Set<number>>;
}

const pad = (n: number): string => String(n).padStart(4, '0');

/** A critère's state as given to the Testing view, the moment it was given (the in-host tests follow it). */
export interface Reported {
  exerciseDir: string;
  criterionId: string;
  status: CriterionReport['status'];
}

/** What the Testing feature shows to the rest of the extension and to the in-host tests. */
export interface TestingApi {
  ctrl: vscode.TestController;
  /** Fires each time a critère's outcome is given to a TestRun. */
  onDidReport: vscode.Event<Reported>;
}

/** A TestController mirroring exercises and critères in the pack's order; every result shows as soon as its critère settles. */
export function registerTesting(context: vscode.ExtensionContext, services: Services): TestingApi {
  const ctrl = vscode.tests.createTestController('tssrLab', 'TSSR Lab');
  const reported = new vscode.EventEmitter<Reported>();
  const data = new WeakMap<vscode.TestItem, ItemData>();
  const live = new Map<string, LiveRun>();

  /** The learner's file a critère is about (a file check or a lint on a workspace file), else none: never exercise.yaml. */
  const learnerUri = (exercise: LoadedExercise, index: number): vscode.Uri | undefined => {
    const files = exercise.data?.workspaceFiles ?? [];
    const c = exercise.data!.criteria[index];
    for (const check of checksOf(c)) {
      const named = [(check as { path?: string }).path, ...((check as { files?: string[] }).files ?? [])].filter((p): p is string => typeof p === 'string');
      const own = named.map((p) => p.replace(/^\.\/+/, '')).find((p) => files.includes(p));
      if (own) return vscode.Uri.file(resolve(services.runs.workspaceDirOf(exercise.dir), own));
    }
    return undefined;
  };

  const rebuild = (): void => {
    const items: vscode.TestItem[] = [];
    const lang = services.lang();
    const trainer = trainerMode();
    let order = 0;
    for (const pack of services.packs.packs) {
      for (const exercise of pack.exercises) {
        if (!exercise.data) continue;
        const exItem = ctrl.createTestItem(`ex:${exercise.dir}`, localize(exercise.data.title, lang), trainer ? vscode.Uri.file(exercise.file) : undefined);
        exItem.sortText = pad(order++);
        data.set(exItem, { pack, exercise });
        exercise.data.criteria.forEach((c, i) => {
          const uri = trainer ? vscode.Uri.file(exercise.file) : learnerUri(exercise, i);
          const item = ctrl.createTestItem(`cr:${exercise.dir}#${c.id}`, localize(c.title, lang), uri);
          if (trainer) item.range = toRange(criterionRange(exercise.file, i));
          item.sortText = pad(i);
          item.description = `${c.referentiel} · ${c.points} pt${c.points > 1 ? 's' : ''}`;
          data.set(item, { pack, exercise, criterionId: c.id });
          exItem.children.add(item);
        });
        items.push(exItem);
      }
    }
    ctrl.items.replace(items);
  };

  const failureContext = (u: RunUpdate, d: ItemData): FailureContext => ({
    pack: d.pack,
    exercise: d.exercise,
    workspaceDir: services.runs.workspaceDirOf(d.exercise.dir),
    target: u.session.target,
    lang: services.lang(),
    remoteDocs: services.remoteDocs,
  });

  /** Reports one settled critère to the TestRun. */
  const settle = (lr: LiveRun, c: CriterionReport, ctx: FailureContext, reason?: string): void => {
    const item = lr.items.get(c.id);
    if (!item || lr.reported.has(c.id)) return;
    lr.reported.add(c.id);
    const duration = c.results.reduce((m, r) => Math.max(m, r.durationMs), 0);
    const messages = shownFailures(ctx, c).map((s) => {
      const text = fullText(ctx, s);
      const diff = !isExam(ctx) && s.failure.diff;
      const m = diff ? vscode.TestMessage.diff(text, diff.expected, diff.actual) : new vscode.TestMessage(text);
      if (s.location) m.location = s.location;
      return m;
    });
    reported.fire({ exerciseDir: ctx.exercise.dir, criterionId: c.id, status: c.status });
    if (c.status === 'passed') lr.run.passed(item, duration);
    else if (c.status === 'failed') lr.run.failed(item, messages, duration);
    else if (c.status === 'error') lr.run.errored(item, messages.length ? messages : [new vscode.TestMessage(reason ?? c.status)], duration);
    else {
      if (reason) lr.run.appendOutput(`${t(ctx.lang, 'runUi.notRunBecause', reason).replace(/\r?\n/g, '\r\n')}\r\n`, undefined, item);
      lr.run.skipped(item);
    }
  };

  const itemsOf = (exItem: vscode.TestItem): Map<string, vscode.TestItem> => new Map(iter(exItem.children).map((i) => [data.get(i)!.criterionId!, i] as const));

  // Every run, whoever started it (the Testing view, Vérifier, the tree, the statement), shows here live.
  const follow = (u: RunUpdate): void => {
    const exItem = ctrl.items.get(`ex:${u.exerciseDir}`);
    const d = exItem && data.get(exItem);
    if (!exItem || !d?.exercise.data) return;
    let lr = live.get(u.exerciseDir);
    if (u.started) {
      services.remoteDocs.clear();
      if (!lr) {
        lr = {
          run: ctrl.createTestRun(new vscode.TestRunRequest([exItem]), undefined, false),
          endsRun: true,
          items: itemsOf(exItem),
          reported: new Set(),
          ended: new Map(),
        };
        live.set(u.exerciseDir, lr);
      }
      for (const c of u.session.criteria.values()) {
        const item = lr.items.get(c.id);
        if (item && c.status === 'running') lr.run.started(item);
      }
      return;
    }
    if (!lr) return;
    const ctx = failureContext(u, d);
    const ev = u.event;
    if (ev?.event === 'checkEnd') {
      const set = lr.ended.get(ev.criterionId) ?? new Set<number>();
      set.add(ev.checkIndex);
      lr.ended.set(ev.criterionId, set);
      const criterion = d.exercise.data.criteria.find((c) => c.id === ev.criterionId);
      const state = u.session.criteria.get(ev.criterionId);
      if (criterion && state && set.size >= checksOf(criterion).length) settle(lr, state, ctx);
    }
    if (u.done) {
      for (const c of u.done.criteria) settle(lr, c, ctx, u.done.error);
      live.delete(u.exerciseDir);
      if (lr.endsRun) lr.run.end();
    }
  };

  const runHandler = async (request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> => {
    const run = ctrl.createTestRun(request);
    const byExercise = new Map<string, { d: ItemData; only?: Set<string>; items: Map<string, vscode.TestItem> }>();
    for (const item of request.include ?? iter(ctrl.items)) {
      const d = data.get(item);
      if (!d || request.exclude?.includes(item)) continue;
      const entry = byExercise.get(d.exercise.dir) ?? { d, only: new Set<string>(), items: new Map() };
      const crits = d.criterionId ? [item] : iter(item.children);
      if (!d.criterionId) entry.only = undefined;
      for (const c of crits) {
        entry.items.set(data.get(c)!.criterionId!, c);
        entry.only?.add(data.get(c)!.criterionId!);
        run.enqueued(c);
      }
      byExercise.set(d.exercise.dir, entry);
    }
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    for (const { d, only, items } of byExercise.values()) {
      if (token.isCancellationRequested) break;
      live.set(d.exercise.dir, { run, endsRun: false, items, reported: new Set(), ended: new Map() });
      try {
        await services.runs.verify(d.pack, d.exercise, only ? [...only] : undefined, abort.signal);
      } catch (e) {
        // The critères went back to notRun through the run service's last update; the boundary shows the error once.
        services.errors.show(e);
      } finally {
        live.delete(d.exercise.dir);
      }
    }
    cancel.dispose();
    run.end();
  };

  ctrl.createRunProfile(t(services.lang(), 'ui.runProfile'), vscode.TestRunProfileKind.Run, runHandler, true, undefined, false);
  ctrl.refreshHandler = async () => {
    await services.packs.reload();
  };
  context.subscriptions.push(
    ctrl,
    reported,
    services.packs.onDidChange(rebuild),
    services.runs.onUpdate(follow),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tssrLab.trainerMode')) rebuild();
    }),
  );
  rebuild();
  return { ctrl, onDidReport: reported.event };
}

function iter(collection: vscode.TestItemCollection): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  collection.forEach((i) => out.push(i));
  return out;
}
