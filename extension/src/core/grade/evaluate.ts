import type { Exercise, HostEvaluation } from '../../../../schemas/generated/types';
import { assessmentOf, checksOf } from '../criteria';
import { LabError, TransportError } from '../errors';
import type { Lang } from '../i18n';
import { runExercise } from '../run';
import type { Transport } from '../transport';
import type { Candidate } from './inventory';
import type { RunFolder } from './run-folder';

/** One exercise to grade, loaded and valid. */
export interface GradedExerciseInput {
  exercise: Exercise;
  dir: string;
}

/** A host's progress, as the evaluator's screen shows it. */
export interface HostProgress {
  candidate: Candidate;
  state: 'waiting' | 'connecting' | 'running' | HostEvaluation['status'];
  /** Checks ended so far, over the checks of every exercise. */
  checksDone: number;
  checksTotal: number;
  earned: number;
  points: number;
  error?: { code: string; message: string };
}

export interface GradeOptions {
  candidates: Candidate[];
  exercises: GradedExerciseInput[];
  pack?: { id: string; version: string };
  lang: Lang;
  /** Hosts graded at once. */
  concurrency: number;
  /** One transport (one SSH connection) per host, reused for each exercise. */
  connect: (candidate: Candidate) => Transport;
  folder: RunFolder;
  signal?: AbortSignal;
  onProgress?: (p: HostProgress) => void;
}

/** Transport failures that mean the host was never reached, as opposed to reached and then failing. */
const UNREACHABLE = new Set([
  'UNREACHABLE',
  'TIMEOUT',
  'AUTH_FAILED',
  'HOST_KEY_CHANGED',
  'HOST_KEY_UNKNOWN',
  'KEY_INVALID',
  'KEY_PASSPHRASE',
  'KEY_UNREADABLE',
  'SSH_ERROR',
]);

/** Grades every candidate (each once), `concurrency` at a time; every event is journaled in the run folder first. */
export async function evaluate(o: GradeOptions): Promise<void> {
  const queue = [...new Map(o.candidates.map((c) => [c.id, c])).values()];
  const total = o.exercises.reduce((n, e) => n + e.exercise.criteria.reduce((m, c) => m + checksOf(c).length, 0), 0);
  // A jury critère's points are the jury's to give, as in the run reports' totals.
  const points = o.exercises.reduce((n, e) => n + e.exercise.criteria.reduce((m, c) => m + (assessmentOf(c) === 'jury' ? 0 : c.points), 0), 0);
  for (const c of queue) o.onProgress?.({ candidate: c, state: 'waiting', checksDone: 0, checksTotal: total, earned: 0, points });
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      if (o.signal?.aborted) {
        o.onProgress?.({ candidate: c, state: 'pending', checksDone: 0, checksTotal: total, earned: 0, points });
        continue;
      }
      await gradeHost(c, o, total, points);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, queue.length)) }, worker));
}

async function gradeHost(c: Candidate, o: GradeOptions, total: number, points: number): Promise<void> {
  const journal = o.folder.journal(c.id);
  const started = Date.now();
  const progress: HostProgress = { candidate: c, state: 'connecting', checksDone: 0, checksTotal: total, earned: 0, points };
  const emit = (): void => o.onProgress?.({ ...progress });
  journal.write({ event: 'host', state: 'connecting', at: new Date().toISOString() });
  emit();
  let transport: Transport | undefined;
  let status: HostEvaluation['status'] = 'done';
  let error: { code: string; message: string } | undefined;
  try {
    transport = o.connect(c);
    for (const { exercise, dir } of o.exercises) {
      if (o.signal?.aborted) {
        status = 'interrupted';
        break;
      }
      journal.write({ event: 'exercise', id: exercise.id, at: new Date().toISOString() });
      const report = await runExercise({
        transport,
        exercise,
        exerciseDir: dir,
        pack: o.pack,
        lang: o.lang,
        signal: o.signal,
        onEvent: (ev) => {
          journal.write({ event: 'agent', exerciseId: exercise.id, data: ev });
          if (ev.event === 'hello' && progress.state === 'connecting') {
            progress.state = 'running';
            journal.write({ event: 'host', state: 'running', at: new Date().toISOString() });
            emit();
          } else if (ev.event === 'checkEnd') {
            progress.checksDone++;
            emit();
          }
        },
      });
      journal.write({ event: 'exerciseEnd', id: exercise.id, report });
      progress.earned += report.totals.earned;
      if (report.outcome === 'interrupted') {
        status = o.signal?.aborted ? 'interrupted' : 'error';
        error = { code: 'INTERRUPTED', message: report.error ?? '' };
        break;
      }
    }
  } catch (e) {
    const code = e instanceof LabError ? e.code : 'ERROR';
    status = o.signal?.aborted ? 'interrupted' : e instanceof TransportError && UNREACHABLE.has(code) ? 'unreachable' : 'error';
    error = { code, message: (e as Error).message };
  } finally {
    await transport?.dispose().catch(() => undefined);
  }
  journal.write({ event: 'hostEnd', status, ...(error ? { error } : {}), at: new Date().toISOString(), durationMs: Date.now() - started });
  journal.close();
  progress.state = status;
  progress.error = error;
  emit();
}
