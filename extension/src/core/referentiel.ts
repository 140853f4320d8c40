import { REFERENTIEL } from '../../../schemas/generated/referentiel';

/** One critère de performance of the TSSR référentiel. */
export interface Critere {
  id: string;
  text: string;
  check: string;
  competence: string;
}

const blocks = new Map<string, { id: string; title: string }>(REFERENTIEL.blocks.map((b) => [b.id, b]));
const competences = new Map<string, { id: string; title: string; block: string }>(REFERENTIEL.competences.map((c) => [c.id, c]));
const criteres = new Map<string, Critere>(REFERENTIEL.competences.flatMap((c) => c.criteres.map((k) => [k.id, { ...k, competence: c.id }] as const)));

/** Lookups in the TSSR catalogue (TP-01351). */
export const referentiel = {
  /** The blocs (CCP1…CCP3, CCS) in the référentiel's order. */
  blocks: () => [...blocks.values()],
  block: (id: string) => blocks.get(id),
  competence: (id: string) => competences.get(id),
  /** The competences of a bloc, in order. */
  competencesOf: (blockId: string) => [...competences.values()].filter((c) => c.block === blockId),
  critere: (id: string) => criteres.get(id),
  competenceIds: () => [...competences.keys()],
  critereCount: () => criteres.size,
};
