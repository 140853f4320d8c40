import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentEvent, Exercise, HostEvaluation } from '../../../../schemas/generated/types';
import type { Candidate } from './inventory';

/** What `session.json` holds: enough to resume, merge and report without the inventory or the packs at hand. */
export interface SessionFile {
  id: string;
  title?: string;
  startedAt: string;
  tool?: string;
  exam?: boolean;
  shard?: string;
  pack?: { id: string; version: string };
  /** The exercises graded, in order, as loaded: a report folds their events without the packs at hand. */
  exercises: Array<{ dir: string; exercise: Exercise }>;
  candidates: Candidate[];
}

/** One line of a host's NDJSON journal. Agent events carry the exercise they belong to. */
export type JournalLine =
  | { event: 'host'; state: 'connecting' | 'running'; at: string }
  | { event: 'exercise'; id: string; at: string }
  | { event: 'agent'; exerciseId: string; data: AgentEvent }
  | { event: 'exerciseEnd'; id: string; report: HostEvaluation['runs'][number] }
  | { event: 'hostEnd'; status: HostEvaluation['status']; error?: { code: string; message: string }; at: string; durationMs: number };

/**
 * A grading run's folder: `session.json`, and one journal per host under `hosts/`, appended and written through line by
 * line, so an interruption (Ctrl-C, a crash, a power cut of the evaluator's laptop) loses nothing already received.
 */
export class RunFolder {
  constructor(readonly dir: string) {}

  /** Creates the folder and writes the session file (a resumed run keeps the first one). */
  static create(dir: string, session: SessionFile): RunFolder {
    mkdirSync(join(dir, 'hosts'), { recursive: true });
    if (!existsSync(join(dir, 'session.json'))) writeFileSync(join(dir, 'session.json'), JSON.stringify(session, null, 2) + '\n');
    return new RunFolder(dir);
  }

  /** True when `dir` holds a run. */
  static isRun(dir: string): boolean {
    return existsSync(join(dir, 'session.json'));
  }

  session(): SessionFile {
    return JSON.parse(readFileSync(join(this.dir, 'session.json'), 'utf8')) as SessionFile;
  }

  /** Opens a host's journal for appending; each line is one write(2), so a kill never leaves half a line behind. */
  journal(candidateId: string): { write(line: JournalLine): void; close(): void } {
    const fd = openSync(join(this.dir, 'hosts', `${candidateId}.ndjson`), 'a');
    return {
      write: (line) => {
        writeSync(fd, JSON.stringify(line) + '\n');
      },
      close: () => closeSync(fd),
    };
  }

  /** The lines of a host's journal (none when it was never graded); a torn last line is ignored. */
  lines(candidateId: string): JournalLine[] {
    const file = join(this.dir, 'hosts', `${candidateId}.ndjson`);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((l) => {
        try {
          return l ? [JSON.parse(l) as JournalLine] : [];
        } catch {
          return [];
        }
      });
  }

  /** Candidate ids with a journal. */
  graded(): string[] {
    const dir = join(this.dir, 'hosts');
    return existsSync(dir) ? readdirSync(dir).flatMap((f) => (f.endsWith('.ndjson') ? [f.slice(0, -'.ndjson'.length)] : [])) : [];
  }

  /** The last status a host's journal ended with, or undefined when it never ended (interrupted hard, or not started). */
  lastStatus(candidateId: string): HostEvaluation['status'] | undefined {
    const ends = this.lines(candidateId).filter((l): l is Extract<JournalLine, { event: 'hostEnd' }> => l.event === 'hostEnd');
    return ends.at(-1)?.status;
  }
}

/**
 * The candidates still to grade in a resumed run: never finished (no journal, or cut off before its end), and with
 * `retryFailed` also those that ended unreachable or in error. A host graded to the end is never graded twice.
 */
export function stillToGrade(folder: RunFolder, candidates: Candidate[], retryFailed: boolean): Candidate[] {
  return candidates.filter((c) => {
    const status = folder.lastStatus(c.id);
    if (status === undefined || status === 'interrupted' || status === 'pending') return true;
    return retryFailed && (status === 'unreachable' || status === 'error');
  });
}
