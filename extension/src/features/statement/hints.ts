import * as vscode from 'vscode';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Criterion } from '../../../../schemas/generated/types';
import { assessmentOf, hintsOf } from '../../core/criteria';
import { t } from '../../core/i18n';
import { resolveInside } from '../../core/paths';
import { localize } from '../../core/text';
import { examFor } from '../progress/config';
import { LearnerStore } from '../progress/store';
import type { Services } from '../services';
import { LearnerCommands } from './ids';
import { targetOrPick, type Target } from './resolve';

/** What a hint request revealed, for the tests and the statement. */
export type HintOutcome = { kind: 'hint'; index: number; total: number; text: string } | { kind: 'solution' } | { kind: 'none'; why: string };

/**
 * The critère to give a hint for: the one named, else the only failed one, else the learner picks among those not passed.
 * Undefined when none needs a hint, null when the learner closed the pick.
 */
async function criterionFor(services: Services, store: LearnerStore, target: Target): Promise<Criterion | undefined | null> {
  const ex = target.exercise.data!;
  if (target.criterionId) return ex.criteria.find((c) => c.id === target.criterionId);
  const lang = services.lang();
  const session = services.runs.sessions.get(target.exercise.dir);
  const kept = store.progress(LearnerStore.keyOf(target.pack))[ex.id] ?? {};
  // During a run the last settled result counts: asking for a hint while checks run is natural.
  const statusOf = (c: Criterion): string => {
    const live = session?.criteria.get(c.id)?.status;
    return live && live !== 'running' && live !== 'notRun' ? live : (kept[c.id]?.status ?? live ?? 'notRun');
  };
  const open = ex.criteria.filter((c) => assessmentOf(c) !== 'jury' && hintsOf(c).length && statusOf(c) !== 'passed');
  const failed = open.filter((c) => ['failed', 'error'].includes(statusOf(c)));
  if (failed.length === 1) return failed[0];
  if (!open.length) return undefined;
  const ledger = store.ledger(LearnerStore.keyOf(target.pack));
  const items = [...failed, ...open.filter((c) => !failed.includes(c))].map((c) => ({
    label: localize(c.title, lang),
    description: `${c.referentiel} · ${t(lang, `ui.status.${statusOf(c) as 'notRun'}`)}`,
    detail: ledger.revealed(ex.id, c.id) ? t(lang, 'learner.hintOf', Math.min(ledger.revealed(ex.id, c.id), hintsOf(c).length), hintsOf(c).length) : undefined,
    c,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder: t(lang, 'learner.pickCriterion') }))?.c ?? null;
}

/** Opens the reference solution's files (the solution folder's workspace files) or its apply script. */
async function openSolution(target: Target): Promise<boolean> {
  const ex = target.exercise.data!;
  const files: string[] = [];
  if (ex.solution.files) {
    const dir = resolveInside(target.exercise.dir, ex.solution.files, 'directory');
    if (dir.ok) {
      const names = ex.workspaceFiles?.length ? ex.workspaceFiles : readdirSync(dir.abs);
      files.push(...names.map((n) => join(dir.abs, n)).filter((f) => existsSync(f)));
    }
  }
  if (ex.solution.apply) {
    const apply = resolveInside(target.exercise.dir, ex.solution.apply, 'file');
    if (apply.ok) files.push(apply.abs);
  }
  for (const f of files) await vscode.window.showTextDocument(vscode.Uri.file(f), { preview: false, viewColumn: vscode.ViewColumn.Beside });
  return files.length > 0;
}

/** « Indice suivant »: the next step of a critère's ladder, then the reference solution after confirmation; persisted per pack. */
export async function nextHint(services: Services, store: LearnerStore, arg: unknown): Promise<HintOutcome> {
  const lang = services.lang();
  const target = await targetOrPick(services, arg);
  if (!target?.exercise.data) return { kind: 'none', why: 'noExercise' };
  if (examFor(target.pack)) {
    void vscode.window.showWarningMessage(t(lang, 'learner.examNoHint'));
    return { kind: 'none', why: 'exam' };
  }
  const criterion = await criterionFor(services, store, target);
  if (criterion === null) return { kind: 'none', why: 'cancelled' };
  if (!criterion) {
    void vscode.window.showInformationMessage(t(lang, target.criterionId ? 'learner.noHints' : 'learner.allPassed'));
    return { kind: 'none', why: 'noCriterion' };
  }
  const hints = hintsOf(criterion);
  const exId = target.exercise.data.id;
  const key = LearnerStore.keyOf(target.pack);
  const ledger = store.ledger(key);
  const title = localize(criterion.title, lang);
  if (!hints.length || assessmentOf(criterion) === 'jury') {
    void vscode.window.showInformationMessage(t(lang, 'learner.noHints'));
    return { kind: 'none', why: 'noHints' };
  }
  if (ledger.revealed(exId, criterion.id) < hints.length) {
    const index = ledger.next(exId, criterion.id, hints.length)!;
    await store.saveLedger(key, ledger);
    const text = localize(hints[index], lang);
    const more = t(lang, 'learner.nextHint');
    void vscode.window.showInformationMessage(t(lang, 'learner.hintShown', index + 1, hints.length, text), more).then((choice) => {
      if (choice === more) void vscode.commands.executeCommand(LearnerCommands.nextHint, { exerciseDir: target.exercise.dir, criterionId: criterion.id });
    });
    return { kind: 'hint', index, total: hints.length, text };
  }
  // The solution is the ladder's last step: recorded once, reopened freely afterwards.
  if (ledger.revealed(exId, criterion.id) === hints.length) {
    const show = t(lang, 'learner.solutionShow');
    if ((await vscode.window.showWarningMessage(t(lang, 'learner.solutionAsk', title), { modal: true }, show)) !== show)
      return { kind: 'none', why: 'declined' };
    ledger.next(exId, criterion.id, hints.length + 1);
    await store.saveLedger(key, ledger);
  }
  if (!(await openSolution(target))) void vscode.window.showInformationMessage(t(lang, 'learner.solutionNone'));
  return { kind: 'solution' };
}
