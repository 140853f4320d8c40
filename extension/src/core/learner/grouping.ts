import type { Exercise } from '../../../../schemas/generated/types';
import { referentiel } from '../referentiel';
import { competenceOf } from './progress';

/** How the exercises tree is grouped: by pack (pack → exercise → critère) or by the référentiel (bloc → competence → exercise → critère). */
export type GroupBy = 'pack' | 'competence';

/** An exercise placed under a competence, with only the critères that serve it, in the exercise's order. */
export interface PlacedExercise<K> {
  key: K;
  exercise: Exercise;
  criterionIds: string[];
}

/** A competence of the référentiel and the exercises that serve it. */
export interface CompetenceGroup<K> {
  id: string;
  title: string;
  exercises: Array<PlacedExercise<K>>;
}

/** A block of the title (CCP1, CCP2, CCP3, CCS) and its competences that some exercise serves. */
export interface BlockGroup<K> {
  id: string;
  competences: Array<CompetenceGroup<K>>;
}

/**
 * Groups exercises by block, then competence, in the référentiel's order. An exercise shows under each competence one
 * of its critères serves, with those critères only; critères citing an id the référentiel lacks go under that prefix last.
 */
export function groupByCompetence<K>(exercises: Array<{ key: K; exercise: Exercise }>): Array<BlockGroup<K>> {
  const order = referentiel.competenceIds();
  const byCompetence = new Map<string, CompetenceGroup<K>>();
  for (const { key, exercise } of exercises) {
    const placed = new Map<string, string[]>();
    for (const c of exercise.criteria) {
      const id = competenceOf(c.referentiel);
      placed.set(id, [...(placed.get(id) ?? []), c.id]);
    }
    for (const [id, criterionIds] of placed) {
      const group = byCompetence.get(id) ?? { id, title: referentiel.competence(id)?.title ?? id, exercises: [] };
      group.exercises.push({ key, exercise, criterionIds });
      byCompetence.set(id, group);
    }
  }
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const blocks = new Map<string, BlockGroup<K>>();
  for (const group of [...byCompetence.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))) {
    const block = referentiel.competence(group.id)?.block ?? '?';
    const entry = blocks.get(block) ?? { id: block, competences: [] };
    entry.competences.push(group);
    blocks.set(block, entry);
  }
  return [...blocks.values()];
}
