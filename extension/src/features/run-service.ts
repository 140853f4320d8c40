import * as vscode from 'vscode';
import { join } from 'node:path';
import { LabError, PackError, UsageError } from '../core/errors';
import type { AgentEvent, Exercise, RunReport } from '../../../schemas/generated/types';
import { t, type Lang } from '../core/i18n';
import { hasErrors } from '../core/load';
import type { LoadedExercise, LoadedPack } from '../core/pack';
import { selectedCriteria } from '../core/request';
import { runExercise } from '../core/run';
import { Session } from '../core/session';
import type { Transport } from '../core/transport';
import { dialogPrompts, withTarget } from './targets/connect';
import type { TargetStore } from './targets/store';
import { withHintUse } from '../core/report/hints';
import { progressKey } from '../core/learner/progress';
import { LearnerStore } from './progress/store';

/** A change of a critère's state during a run, for the tree, the Testing view and the Problems panel. */
export interface RunUpdate {
  exerciseDir: string;
  session: Session;
  /** The run has started: the chosen critères are `running`. */
  started?: boolean;
  event?: AgentEvent;
  done?: RunReport;
  /** The error that ended the run before any result (the critères went back to `notRun`). */
  failure?: LabError;
}

/** Runs exercises on the active target and broadcasts every step, live. */
export class RunService implements vscode.Disposable {
  /** Latest session per exercise folder, kept after the run so results stay visible. */
  readonly sessions = new Map<string, Session>();
  private readonly updates = new vscode.EventEmitter<RunUpdate>();
  /** Fires on start, on each agent event and at the end of a run (also when it fails to start). */
  readonly onUpdate = this.updates.event;
  /** The learner's folder per exercise, when it is not the exercise folder (set by the starter-files feature). */
  readonly workspaceDirs = new Map<string, string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly lang: () => Lang,
    private readonly log: vscode.LogOutputChannel,
    private readonly targets: TargetStore,
  ) {}

  /** The folder holding the learner's files of an exercise. */
  workspaceDirOf(exerciseDir: string): string {
    return this.workspaceDirs.get(exerciseDir) ?? exerciseDir;
  }

  /**
   * Checks one exercise on the active target; results stream through onUpdate. A failure to start (target
   * unreachable, key refused…) ends the run at once: every critère goes back to notRun with the reason, then it is thrown.
   */
  async verify(pack: LoadedPack, ex: LoadedExercise, only?: string[], signal?: AbortSignal): Promise<RunReport> {
    // The single gate: no check of an untrusted workspace runs, whichever view asked.
    if (!vscode.workspace.isTrusted) throw new UsageError('UNTRUSTED', t(this.lang(), 'ui.untrusted'));
    // The same gate as the CLI's check: any error in pack.yaml or exercise.yaml refuses the run.
    if (!ex.data || hasErrors(pack.problems)) throw new PackError('EXERCISE_INVALID', t(this.lang(), 'ui.exerciseHasErrors', ex.data ? pack.file : ex.file));
    const exercise = ex.data;
    const lang = this.lang();
    const entry = this.targets.active();
    const packInfo = pack.data ? { id: pack.data.id, version: pack.data.version } : undefined;
    const preview = new Session(exercise, entry.target, lang, packInfo);
    preview.start(selectedCriteria(exercise, only));
    this.sessions.set(ex.dir, preview);
    this.updates.fire({ exerciseDir: ex.dir, session: preview, started: true });
    const agentFile = this.context.asAbsolutePath(join('dist', 'agent.js'));
    try {
      return await withTarget(
        this.targets,
        entry,
        agentFile,
        dialogPrompts(this.lang),
        (transport) => this.runOn(transport, ex, exercise, packInfo, only, signal),
        lang,
      );
    } catch (e) {
      // Nothing ran: a fresh session keeps every critère notRun, with the reason as the run's error.
      const ended = new Session(exercise, entry.target, lang, packInfo);
      ended.finish('interrupted', (e as Error).message);
      this.sessions.set(ex.dir, ended);
      this.updates.fire({ exerciseDir: ex.dir, session: ended, done: ended.report(), ...(e instanceof LabError ? { failure: e } : {}) });
      this.log.error(`verify ${exercise.id} on ${entry.target}: ${(e as Error).message}`);
      throw e;
    }
  }

  private async runOn(
    transport: Transport,
    ex: LoadedExercise,
    exercise: Exercise,
    pack: { id: string; version: string } | undefined,
    only: string[] | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RunReport> {
    this.log.info(`verify ${exercise.id} on ${transport.label}`);
    let current: Session | undefined;
    let report = await runExercise({
      transport,
      exercise,
      exerciseDir: ex.dir,
      workspaceDir: this.workspaceDirs.get(ex.dir),
      pack,
      lang: this.lang(),
      only,
      signal,
      onEvent: (event, session) => {
        current = session;
        this.sessions.set(ex.dir, session);
        this.updates.fire({ exerciseDir: ex.dir, session, event });
      },
    });
    if (!current) {
      // No line came back at all (the agent died at once): the critères were not run, the report's error says why.
      current = new Session(exercise, transport.label, this.lang(), pack);
      current.finish('interrupted', report.error);
      this.sessions.set(ex.dir, current);
    }
    if (report.outcome === 'interrupted') {
      // A run cut short: critères that got no result were not run; they say so instead of an error of their own.
      for (const c of current.criteria.values()) if (c.status === 'error' && !c.results.length) c.status = 'notRun';
      report = current.report();
    }
    // The hints the learner revealed go with the report, for an evaluator or a trainer reading it.
    report = withHintUse(report, LearnerStore.for(this.context).ledger(progressKey(pack)).usage(exercise.id));
    this.updates.fire({ exerciseDir: ex.dir, session: current, done: report });
    this.log.info(`verify ${exercise.id}: ${report.totals.earned}/${report.totals.points} points, outcome ${report.outcome}`);
    return report;
  }

  dispose(): void {
    this.updates.dispose();
  }
}
