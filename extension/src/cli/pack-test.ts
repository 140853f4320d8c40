import { join } from 'node:path';
import { UsageError } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { EXIT } from './exit';
import { Lab, labDir, labImage, labProblem } from './lab/lab';
import { proveInContainer, proveLocally, type ExerciseToProve } from './lab/prove-exercise';
import { formatTable, needsContainer, type ProofRow } from './lab/proof';

/** Options of `tssr-lab pack test`. */
export interface PackTestOptions {
  lang: Lang;
  exercise?: string[];
  keep?: boolean;
  jobs?: number;
}

/**
 * `tssr-lab pack test`: proves each exercise of a pack. Root-script exercises (setup / solution.apply) run on a fresh
 * container each, over SSH; files-only solutions are checked on this machine like `check --solution`. Prints a table;
 * exit 0 only when every exercise proves out (1 when one does not, 3 when the lab itself fails).
 */
export async function packTest(path: string, o: PackTestOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const started = Date.now();
  const target = loadTarget(path, o.lang);
  if (hasErrors(target.problems)) {
    target.problems.forEach((p) => err(formatProblem(p)));
    return EXIT.usage;
  }
  const all: ExerciseToProve[] = (target.kind === 'pack' ? target.pack.exercises : [target.exercise]).flatMap((e) =>
    e.data ? [{ data: e.data, dir: e.dir }] : [],
  );
  const unknown = (o.exercise ?? []).filter((id) => !all.some((e) => e.data.id === id));
  if (unknown.length) throw new UsageError('UNKNOWN_EXERCISE', t(o.lang, 'packTest.unknownExercise', unknown.join(', '), all.map((e) => e.data.id).join(', ')));
  const chosen = o.exercise?.length ? all.filter((e) => o.exercise!.includes(e.data.id)) : all;
  const boxed = chosen.filter((e) => needsContainer(e.data));

  const rows = new Map<string, ProofRow>();
  let lab: Lab | undefined;
  if (boxed.length) {
    const problem = labProblem();
    if (problem) {
      err(
        `tssr-lab: ${problem.kind === 'notRoot' ? t(o.lang, 'packTest.notRoot') : problem.kind === 'missing' ? t(o.lang, 'packTest.missing', problem.tools.join(', ')) : t(o.lang, 'packTest.noTools')}`,
      );
      return EXIT.transport;
    }
    err(`tssr-lab: ${t(o.lang, 'packTest.imageBuilding')}`);
    const image = await labImage();
    err(`tssr-lab: ${image.built ? t(o.lang, 'packTest.imageBuilt', image.seconds.toFixed(0), image.root) : t(o.lang, 'packTest.imageCached', image.root)}`);
    lab = await Lab.up(image.root, o.keep);
    // Ctrl-C: exit through process.exit, so that the lab's exit hook stops the containers and removes the network.
    if (!o.keep) process.once('SIGINT', () => process.exit(130));
  }
  try {
    // Files-only exercises first, on this machine; then the containers, `jobs` at a time.
    for (const ex of chosen.filter((e) => !needsContainer(e.data))) rows.set(ex.data.id, await proveLocally(ex, o.lang));
    const queue = boxed.map((ex, i) => ({ ex, name: `pt${i}` }));
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) rows.set(job.ex.data.id, await proveInContainer(lab!, job.name, job.ex, o.lang, !!o.keep));
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs ?? 2, boxed.length)) }, worker));
  } finally {
    if (lab && o.keep) lab.release();
    else await lab?.down();
  }

  const ordered = chosen.map((e) => rows.get(e.data.id)!);
  out(
    formatTable(
      ordered,
      o.lang,
      chosen.map((e) => e.data),
    ),
  );
  const local = ordered.filter((r) => r.where === 'local').map((r) => r.id);
  if (local.length) out(t(o.lang, 'packTest.localNote', local.join(', ')));
  const nodes = [
    ...new Set(
      ordered
        .filter((r) => r.where === 'container')
        .map((r) => r.fresh?.agent?.node ?? r.solved?.agent?.node)
        .filter(Boolean),
    ),
  ];
  if (nodes.length) out(t(o.lang, 'packTest.agentNode', nodes.join(', ')));
  ordered.flatMap((r) => r.problems).forEach((p) => out(`  ! ${p}`));
  if (lab && o.keep) out(t(o.lang, 'packTest.kept', boxed.map((_, i) => `pt${i}`).join(', '), join(labDir()!, 'lab.sh'), lab.id));
  const proven = ordered.filter((r) => r.verdict === 'ok').length;
  out(t(o.lang, 'packTest.summary', proven, ordered.length, ((Date.now() - started) / 1000).toFixed(1)));
  if (ordered.some((r) => r.verdict === 'error')) return EXIT.transport;
  return proven === ordered.length ? EXIT.ok : EXIT.failed;
}
