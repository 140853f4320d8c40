import type { Exercise } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import type { YamlSource } from './positions';
import type { Problem } from './problems';
import { checksOf } from './criteria';

/** One `needs` edge between checks, with where it was written. */
interface Edge {
  from: number;
  to: number;
  pointer: string;
}

type Add = (pointer: string, code: string, message: string) => void;

/**
 * `needs` between critères and between checks: ids must exist (check ids once in the exercise) and the dependencies
 * must not loop, even through a critère (y needs x while a check of x needs a check of y). Also: a workspace script of
 * a `script` check must be listed in workspaceFiles, or it never reaches the target.
 */
export function runControlRules(ex: Exercise, source: YamlSource, file: string, lang: Lang): Problem[] {
  const out: Problem[] = [];
  const add: Add = (pointer, code, message) => out.push({ file, range: source.locate(pointer), severity: 'error', code, message });
  const nodes = ex.criteria.flatMap((c, i) => checksOf(c).map((check, j) => ({ i, j, label: check.id ?? `${c.id}[${j}]`, check })));
  const byId = new Map<string, number>();
  nodes.forEach((n, k) => {
    if (n.check.id === undefined) return;
    const used =
      (n.check as { needs?: string[] }).needs !== undefined || nodes.some((m) => ((m.check as { needs?: string[] }).needs ?? []).includes(n.check.id!));
    if (byId.has(n.check.id)) {
      if (used) add(`/criteria/${n.i}/checks/${n.j}/id`, 'duplicate-check-id', t(lang, 'runControl.duplicateCheckId', n.check.id));
    } else byId.set(n.check.id, k);
  });
  const edges = criterionEdges(ex, nodes, add, lang);
  nodes.forEach((n, from) =>
    ((n.check as { needs?: string[] }).needs ?? []).forEach((id, k) => {
      const pointer = `/criteria/${n.i}/checks/${n.j}/needs/${k}`;
      const to = byId.get(id);
      if (to === undefined) add(pointer, 'unknown-needs', t(lang, 'runControl.unknownCheck', id, [...byId.keys()].join(', ') || '—'));
      else edges.push({ from, to, pointer });
    }),
  );
  for (const cycle of cycles(nodes.length, edges)) {
    add(cycle.pointer, 'needs-cycle', t(lang, 'runControl.cycle', [...cycle.path, cycle.path[0]].map((k) => nodes[k].label).join(' → ')));
  }
  const listed = new Set((ex.workspaceFiles ?? []).map((f) => f.replace(/^\.\//, '')));
  nodes.forEach((n) => {
    if (n.check.type !== 'script' || n.check.script.startsWith('/')) return;
    if (!listed.has(n.check.script.replace(/^\.\//, '')))
      add(`/criteria/${n.i}/checks/${n.j}/script`, 'script-not-in-workspace', t(lang, 'script.notInWorkspace', n.check.script));
  });
  return out;
}

/** Critère-level needs as edges from each check of the dependent critère to each check of its prerequisite. */
function criterionEdges(ex: Exercise, nodes: Array<{ i: number }>, add: Add, lang: Lang): Edge[] {
  const edges: Edge[] = [];
  const ids = ex.criteria.map((c) => c.id);
  ex.criteria.forEach((c, i) =>
    (c.needs ?? []).forEach((id, k) => {
      const pointer = `/criteria/${i}/needs/${k}`;
      const target = ids.indexOf(id);
      if (target < 0) return add(pointer, 'unknown-needs', t(lang, 'runControl.unknownCriterion', id, ids.join(', ')));
      nodes.forEach((a, from) => {
        if (a.i === i)
          nodes.forEach((b, to) => {
            if (b.i === target) edges.push({ from, to, pointer });
          });
      });
    }),
  );
  return edges;
}

/** Cycles found by a depth-first search (back edges), once per `needs` entry that closes one. */
function cycles(count: number, edges: Edge[]): Array<{ path: number[]; pointer: string }> {
  const out = new Map<string, { path: number[]; pointer: string }>();
  const next = Array.from({ length: count }, () => [] as Edge[]);
  edges.forEach((e) => next[e.from].push(e));
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const stack: number[] = [];
  const visit = (n: number): void => {
    state[n] = 1;
    stack.push(n);
    for (const e of next[n]) {
      if (state[e.to] === 1) {
        const path = stack.slice(stack.indexOf(e.to));
        // One problem per written edge: a loop through critères would otherwise repeat for every pair of checks.
        if (!out.has(e.pointer)) out.set(e.pointer, { path, pointer: e.pointer });
      } else if (state[e.to] === 0) visit(e.to);
    }
    stack.pop();
    state[n] = 2;
  };
  for (let n = 0; n < count; n++) if (state[n] === 0) visit(n);
  return [...out.values()];
}
