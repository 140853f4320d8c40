import * as vscode from 'vscode';
import { resolve } from 'node:path';
import type { CriterionReport, Result } from '../../../schemas/generated/types';
import { t, type Lang } from '../core/i18n';
import { describeFailure, type LearnerFailure } from '../core/learner/failure';
import { checksOf } from '../core/criteria';
import { criterionRange } from '../core/locate';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { toRange } from './convert';
import { remoteUri, type RemoteDocs } from './remote-docs';

/** A failed property as the editor shows it: the learner's sentence and where to look. */
export interface ShownFailure {
  result: Result;
  failure: LearnerFailure;
  /** The learner's file or the target's read-only copy; never exercise.yaml (except in trainer mode). */
  location?: vscode.Location;
}

/** What the editor needs to place and word failures. */
export interface FailureContext {
  pack: LoadedPack;
  exercise: LoadedExercise;
  /** The learner's folder (the exercise folder unless their starter files live elsewhere). */
  workspaceDir: string;
  /** The run's target label (`local`, `ssh://…`). */
  target: string;
  lang: Lang;
  remoteDocs: RemoteDocs;
}

/** `tssrLab.trainerMode`: a trainer may see the pack's check definitions; a learner never does. */
export function trainerMode(): boolean {
  return vscode.workspace.getConfiguration('tssrLab').get<boolean>('trainerMode', false);
}

function lineRange(line: number | undefined): vscode.Range {
  const l = Math.max((line ?? 1) - 1, 0);
  return new vscode.Range(l, 0, l, Number.MAX_SAFE_INTEGER);
}

/** The failed and errored properties of a critère, worded through the learner seam (core/learner/failure.ts). */
export function shownFailures(ctx: FailureContext, c: CriterionReport): ShownFailure[] {
  const files = ctx.exercise.data?.workspaceFiles ?? [];
  const index = ctx.exercise.data?.criteria.findIndex((x) => x.id === c.id) ?? -1;
  return c.results
    .filter((r) => r.status === 'fail' || r.status === 'error')
    .map((result) => {
      const failure = describeFailure(result, files);
      const where = failure.location;
      let location: vscode.Location | undefined;
      if (where?.scheme === 'workspace') location = new vscode.Location(vscode.Uri.file(resolve(ctx.workspaceDir, where.path)), lineRange(where.line));
      else if (where?.scheme === 'target') {
        const uri = remoteUri(ctx.target, where.path);
        if (where.line) ctx.remoteDocs.highlight(uri, where.line);
        location = new vscode.Location(uri, lineRange(where.line));
      } else if (trainerMode() && index >= 0)
        location = new vscode.Location(vscode.Uri.file(ctx.exercise.file), toRange(criterionRange(ctx.exercise.file, index)));
      return { result, failure, ...(location ? { location } : {}) };
    });
}

/** An exam hides what was expected and observed: passed or failed only. */
export function isExam(ctx: FailureContext): boolean {
  return ctx.pack.data?.exam === true;
}

/** The sentence on one line, for the Problems panel. */
export function oneLine(f: LearnerFailure): string {
  return f.sentence.replace(/\s*[\r\n⏎]+\s*/g, ' ').trim();
}

/** The sentence, then what was run and what was observed, for the Testing view's peek (and the check, for a trainer). */
export function fullText(ctx: FailureContext, shown: ShownFailure): string {
  const f = shown.failure;
  if (isExam(ctx)) return f.sentence;
  const parts = [f.sentence];
  if (f.ran) parts.push(t(ctx.lang, 'runUi.ran', f.ran));
  if (f.observed) parts.push(`${t(ctx.lang, 'runUi.observed')}\n${f.observed}`);
  if (trainerMode()) {
    const criterion = ctx.exercise.data?.criteria.find((x) => x.id === shown.result.criterionId);
    const check = criterion ? checksOf(criterion)[shown.result.checkIndex] : undefined;
    if (check) parts.push(`${t(ctx.lang, 'runUi.trainerChecks')}\n${JSON.stringify(check, null, 2)}`);
  }
  return parts.join('\n');
}
