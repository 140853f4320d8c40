import type { Check, Criterion, LocalizedText } from '../../../schemas/generated/types';

/** A critère's checks: none for a `jury` critère, which the schema allows without `checks`. */
export function checksOf(c: Criterion): Check[] {
  return c.checks ?? [];
}

/** A critère's hint ladder, from a nudge to the exact command: `hints`, or the single `hint` of older packs. */
export function hintsOf(c: Criterion): LocalizedText[] {
  return c.hints ?? (c.hint !== undefined ? [c.hint] : []);
}

/** How the critère is judged: by its checks (`auto`), by a person on gathered evidence, or by the jury alone. */
export function assessmentOf(c: Criterion): NonNullable<Criterion['assessment']> {
  return c.assessment ?? 'auto';
}
