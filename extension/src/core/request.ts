import { randomUUID } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { isClientCheck } from './client-checks';
import type { Exercise } from '../../../schemas/generated/types';
import type { RunRequest, WorkspaceFile } from '../../../schemas/generated/types';
import type { Lang } from './i18n';
import { requireInside } from './path-rules';
import { PROTOCOL_MAJOR } from '../../../schemas/generated/protocol-version';
import { checksOf } from './criteria';

/** Major protocol version this client speaks (from schemas/protocol.schema.json's x-protocol-version). */
export { PROTOCOL_MAJOR };

/** Options for turning an exercise into an agent request. */
export interface RequestOptions {
  lang: Lang;
  /** Take workspace files from the reference solution folder instead of the learner's. */
  useSolution?: boolean;
  /** Folder holding the learner's workspace files; defaults to the exercise folder. */
  workspaceDir?: string;
  concurrency?: number;
  /** Only these critère ids (all when absent). */
  only?: string[];
}

// Each file is resolved under the path policy first (a PackError otherwise), then opened without blocking: never a FIFO.
function readWorkspace(files: string[], dir: string, lang: Lang): WorkspaceFile[] {
  return files.map((path) => {
    const fd = openSync(requireInside(dir, path, 'file', 'workspace', lang), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const mode = fstatSync(fd).mode & 0o777;
      return { path, contentBase64: readFileSync(fd).toString('base64'), mode };
    } finally {
      closeSync(fd);
    }
  });
}

/**
 * The workspace files the selected critères can use. A command may read any of them, so any selected command check
 * takes them all; otherwise only the files (or folders' contents) that a selected file check names. With every critère
 * selected this is every file: `--only` must never change a critère's verdict, only what is prepared for the others.
 */
export function workspaceFilesFor(ex: Exercise, criteria: Array<Exercise['criteria'][number]>): string[] {
  const files = ex.workspaceFiles ?? [];
  const checks = criteria.flatMap((c) => checksOf(c)).filter((c) => !isClientCheck(c));
  if (criteria.length === ex.criteria.length || checks.some((c) => c.type === 'command' || c.type === 'script')) return files;
  const paths = checks.flatMap((c) => (c.type === 'file' ? [c.path.replace(/^\.\/+/, '').replace(/\/+$/, '')] : []));
  return files.filter((f) => paths.some((p) => p === '.' || p === '' || f === p || f.startsWith(p + '/')));
}

/** The folder holding the workspace files to check: the solution's (inside the exercise), the learner's, or the exercise folder. */
export function workspaceDirOf(ex: Exercise, exerciseDir: string, opts: RequestOptions): string {
  if (opts.useSolution && ex.solution.files) return requireInside(exerciseDir, ex.solution.files, 'directory', 'exercise', opts.lang);
  return opts.workspaceDir ?? exerciseDir;
}

/**
 * The critères a run covers: `only` (all when absent) plus, transitively, the critères they need or whose checks
 * they need. A prerequisite left out would change its dependents' verdicts.
 */
export function selectedCriteria(ex: Exercise, only?: string[]): string[] | undefined {
  if (!only) return undefined;
  const ownerOf = new Map(ex.criteria.flatMap((c) => checksOf(c).flatMap((k) => (k.id !== undefined ? [[k.id, c.id] as const] : []))));
  const chosen = new Set(only);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of ex.criteria.filter((x) => chosen.has(x.id))) {
      const needed = [...(c.needs ?? []), ...checksOf(c).flatMap((k) => ((k as { needs?: string[] }).needs ?? []).map((id) => ownerOf.get(id) ?? ''))];
      for (const id of needed)
        if (id && !chosen.has(id)) {
          chosen.add(id);
          grew = true;
        }
    }
  }
  return ex.criteria.map((c) => c.id).filter((id) => chosen.has(id));
}

/** Builds the single NDJSON request the agent reads. */
export function buildRequest(ex: Exercise, exerciseDir: string, opts: RequestOptions): RunRequest {
  const dir = workspaceDirOf(ex, exerciseDir, opts);
  const only = selectedCriteria(ex, opts.only);
  const criteria = ex.criteria.filter((c) => !only || only.includes(c.id));
  return {
    event: 'run',
    protocol: PROTOCOL_MAJOR,
    runId: randomUUID(),
    exerciseId: ex.id,
    lang: opts.lang,
    concurrency: opts.concurrency ?? 4,
    workspace: readWorkspace(workspaceFilesFor(ex, criteria), dir, opts.lang),
    // Client-side checks (lint) stay here; the agent gets the others with their original positions.
    criteria: criteria
      .filter((c) => checksOf(c).length > 0)
      .map((c) => {
        const checks = checksOf(c);
        const agentChecks = checks.map((check, i) => ({ check, i })).filter((x) => !isClientCheck(x.check));
        const needs = c.needs ? { needs: c.needs } : {};
        return agentChecks.length === checks.length
          ? { id: c.id, checks, ...needs }
          : { id: c.id, checks: agentChecks.map((x) => x.check), checkIndexes: agentChecks.map((x) => x.i), ...needs };
      }),
  };
}
