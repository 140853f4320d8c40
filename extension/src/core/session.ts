import { AgentError } from './errors';
import type { AgentEvent, CriterionReport, CriterionStatus, Exercise, Hello, Result, RunReport } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import { renderReason } from './i18n/reasons';
import { PROTOCOL_MAJOR } from './request';
import { validate } from './schemas';
import { localize } from './text';
import { checksOf, hintsOf } from './criteria';
import type { HintUse } from './hints';

/** Live state of one critère during and after a run. */
export type CriterionState = CriterionReport;

/** Folds a result list into a critère status. A skip alone means the critère could not be judged. */
export function statusOf(results: Result[], finished: boolean): CriterionStatus {
  if (results.some((r) => r.status === 'fail')) return 'failed';
  if (results.some((r) => r.status === 'error')) return 'error';
  if (!finished) return 'running';
  if (!results.length) return 'notRun';
  return results.every((r) => r.status === 'pass') ? 'passed' : 'error';
}

/** Reduces agent events into per-critère results; the same reducer serves the CLI and the editor. */
export class Session {
  readonly criteria = new Map<string, CriterionState>();
  hello?: Hello;
  outcome: RunReport['outcome'] | undefined;
  error?: string;
  /** Hints revealed per critère (the editor's HintLedger); the report then carries `hintsUsed`. The CLI has none. */
  hintUse?: HintUse;
  private readonly startedAt = new Date();
  /** Check indexes that have ended, per critère. */
  private readonly ended = new Map<string, Set<number>>();
  private readonly checkCounts = new Map<string, number>();

  constructor(
    readonly exercise: Exercise,
    readonly target: string,
    readonly lang: Lang,
    readonly pack?: { id: string; version: string },
  ) {
    for (const c of exercise.criteria) {
      this.checkCounts.set(c.id, checksOf(c).length);
      this.criteria.set(c.id, {
        id: c.id,
        title: localize(c.title, lang),
        referentiel: c.referentiel,
        points: c.points,
        earned: 0,
        status: 'notRun',
        hint: hintsOf(c).length ? localize(hintsOf(c)[0], lang) : undefined,
        ...(c.assessment ? { assessment: c.assessment } : {}),
        results: [],
      });
    }
  }

  /** Marks the given critères (all by default) as running. */
  start(only?: string[]): void {
    // A jury critère has no checks: it never runs, and stays for the jury's grid.
    for (const c of this.criteria.values()) if ((!only || only.includes(c.id)) && this.checkCounts.get(c.id) !== 0) c.status = 'running';
  }

  /** Parses, validates and folds one stdout line; returns the event, or throws AgentError for a protocol breach. */
  accept(line: string): AgentEvent {
    let event: AgentEvent;
    try {
      event = JSON.parse(line) as AgentEvent;
    } catch {
      throw new AgentError('BAD_LINE', t(this.lang, 'run.badLine', line.slice(0, 200)));
    }
    const errors = validate('protocol.schema.json#/$defs/AgentEvent', event);
    if (errors.length) throw new AgentError('BAD_LINE', t(this.lang, 'run.badLine', `${line.slice(0, 200)} (${errors[0].instancePath} ${errors[0].message})`));
    this.fold(event);
    return event;
  }

  private fold(event: AgentEvent): void {
    switch (event.event) {
      case 'hello': {
        const major = Number(event.protocol.split('.')[0]);
        if (major !== PROTOCOL_MAJOR) throw new AgentError('PROTOCOL_MAJOR', t(this.lang, 'run.protocolMajor', event.protocol, PROTOCOL_MAJOR));
        this.hello = event;
        return;
      }
      case 'result': {
        const c = this.criteria.get(event.criterionId);
        if (!c) return;
        // The agent sends reasons as data; they are worded here, once, in the user's language.
        if (event.reason) event.message = renderReason(this.lang, event.reason);
        c.results.push(event);
        if (!this.isComplete(c.id)) c.status = statusOf(c.results, false);
        return;
      }
      case 'checkEnd': {
        const c = this.criteria.get(event.criterionId);
        if (!c) return;
        const set = this.ended.get(c.id) ?? new Set<number>();
        set.add(event.checkIndex);
        this.ended.set(c.id, set);
        if (this.isComplete(c.id)) this.settle(c);
        return;
      }
      case 'summary':
        this.finish('complete');
        return;
      case 'fatal':
        this.finish('interrupted', t(this.lang, 'run.fatal', event.code, event.reason ? renderReason(this.lang, event.reason) : (event.message ?? '')));
    }
  }

  /** Whether a critère has its final status: all its checks ended, or it never runs (jury, not selected), or the run ended. */
  settled(id: string): boolean {
    const c = this.criteria.get(id);
    return !!c && (c.status === 'notRun' || this.outcome !== undefined || this.isComplete(id));
  }

  private isComplete(id: string): boolean {
    return (this.ended.get(id)?.size ?? 0) >= (this.checkCounts.get(id) ?? Infinity);
  }

  private settle(c: CriterionState): void {
    c.status = statusOf(c.results, true);
    c.earned = c.status === 'passed' ? c.points : 0;
  }

  /** Closes the run; running critères get their final status, results already received are kept. */
  finish(outcome: RunReport['outcome'], error?: string): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.error = error;
    for (const c of this.criteria.values()) {
      if (c.status === 'notRun') continue;
      if (outcome === 'complete' || this.isComplete(c.id)) this.settle(c);
      else c.status = statusOf(c.results, false) === 'failed' ? 'failed' : 'error';
    }
  }

  /** The report, valid against report.schema.json. */
  report(): RunReport {
    const hints = this.hintUse;
    const criteria = [...this.criteria.values()].map((c) => (hints ? { ...c, hintsUsed: hints[c.id] ?? 0 } : c));
    const count = (s: CriterionStatus): number => criteria.filter((c) => c.status === s).length;
    return {
      reportVersion: 1,
      ...(this.pack ? { pack: this.pack } : {}),
      exercise: { id: this.exercise.id, title: localize(this.exercise.title, this.lang), competences: this.exercise.competences },
      target: this.target,
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      ...(this.hello ? { agent: { version: this.hello.agentVersion, node: this.hello.node, platform: this.hello.platform } } : {}),
      outcome: this.outcome ?? 'interrupted',
      ...(this.error ? { error: this.error } : {}),
      criteria,
      totals: {
        // A jury critère's points are the jury's to give: the checked total leaves them out.
        points: criteria.reduce((s, c) => s + (c.assessment === 'jury' ? 0 : c.points), 0),
        earned: criteria.reduce((s, c) => s + c.earned, 0),
        passed: count('passed'),
        failed: count('failed'),
        errors: count('error'),
        notRun: count('notRun') + count('running'),
      },
    };
  }
}
