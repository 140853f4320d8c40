import type { CriterionStatus, Exercise, RunReport } from '../../../../schemas/generated/types';
import { assessmentOf } from '../criteria';
import { referentiel } from '../referentiel';

/** The last known state of one critère of an exercise, as the learner's progress keeps it. */
export interface CriterionProgress {
  status: CriterionStatus;
  earned: number;
  points: number;
  /** ISO time of the run that settled it. */
  at: string;
}

/** Progress of one pack: exercise id → critère id → last state. Kept in globalState under `progressKey`. */
export type PackProgress = Record<string, Record<string, CriterionProgress>>;

/** The storage key of a pack's progress and hint use: pack id and version, so a new version starts afresh. */
export function progressKey(pack: { id: string; version: string } | undefined): string {
  return pack ? `${pack.id}@${pack.version}` : 'sans-pack';
}

/** Folds a run report into the pack's progress; critères the run did not judge (not run, running) keep their earlier state. */
export function recordReport(progress: PackProgress, report: RunReport): PackProgress {
  const exercise = { ...(progress[report.exercise.id] ?? {}) };
  const at = report.startedAt;
  for (const c of report.criteria) {
    if (c.status === 'notRun' || c.status === 'running') continue;
    exercise[c.id] = { status: c.status, earned: c.earned, points: c.points, at };
  }
  return { ...progress, [report.exercise.id]: exercise };
}

/** One competence of the référentiel with the learner's critères passed over those the loaded packs offer. */
export interface CompetenceProgress {
  id: string;
  block: string;
  title: string;
  /** Critères with checks (auto or evidence) in the packs. */
  possible: number;
  passed: number;
  /** Critères the jury alone judges: shown apart, not counted in `possible` (their points are in `points`). */
  jury: number;
  earned: number;
  points: number;
  /** Ids of the exercises serving this competence. */
  exercises: string[];
}

/** An exercise of a loaded pack, with the progress kept for that pack. */
export interface ExerciseWithProgress {
  exercise: Exercise;
  progress: PackProgress;
}

/** The competence a critère serves: the référentiel's, else the id's prefix (CP11.4 → CP11). */
export function competenceOf(referentielId: string): string {
  return referentiel.critere(referentielId)?.competence ?? referentielId.split('.')[0];
}

/** The 20 competences in référentiel order, each with the critères passed over those possible, and the jury-only ones apart. */
export function competenceProgress(items: ExerciseWithProgress[]): CompetenceProgress[] {
  const rows = new Map<string, CompetenceProgress>();
  for (const id of referentiel.competenceIds()) {
    const c = referentiel.competence(id)!;
    rows.set(id, { id, block: c.block, title: c.title, possible: 0, passed: 0, jury: 0, earned: 0, points: 0, exercises: [] });
  }
  for (const { exercise, progress } of items) {
    for (const c of exercise.criteria) {
      const row = rows.get(competenceOf(c.referentiel));
      if (!row) continue;
      if (!row.exercises.includes(exercise.id)) row.exercises.push(exercise.id);
      // The jury awards these points: possible, as in the run report's totals, but never counted as a critère to pass here.
      row.points += c.points;
      if (assessmentOf(c) === 'jury') {
        row.jury++;
        continue;
      }
      const state = progress[exercise.id]?.[c.id];
      row.possible++;
      if (state?.status === 'passed') row.passed++;
      row.earned += state?.status === 'passed' ? state.earned : 0;
    }
  }
  return [...rows.values()];
}

/** Points earned over points possible for some critères of an exercise, as the run report totals them (jury points included). */
export function scoreOf(
  exercise: Exercise,
  criterionIds: string[],
  stateOf: (id: string) => { earned: number } | undefined,
): { earned: number; points: number } {
  let earned = 0;
  let points = 0;
  for (const c of exercise.criteria) {
    if (!criterionIds.includes(c.id)) continue;
    points += c.points;
    earned += stateOf(c.id)?.earned ?? 0;
  }
  return { earned, points };
}

/** The JSON a learner sends their trainer: per pack, each exercise's critères and the hint steps revealed. */
export interface ProgressExport {
  kind: 'tssr-lab-progress';
  version: 1;
  exportedAt: string;
  packs: Array<{ key: string; progress: PackProgress; hints: Record<string, Record<string, number>> }>;
  competences: CompetenceProgress[];
}

/** Builds the export file's content. */
export function progressExport(packs: ProgressExport['packs'], competences: CompetenceProgress[], now = new Date()): ProgressExport {
  return { kind: 'tssr-lab-progress', version: 1, exportedAt: now.toISOString(), packs, competences };
}
