import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { candidateRequest, createTransport } from '../core/create-transport';
import { UsageError } from '../core/errors';
import { assemble } from '../core/grade/assemble';
import { evaluate, type GradedExerciseInput } from '../core/grade/evaluate';
import { parseInventory, type Candidate } from '../core/grade/inventory';
import { RunFolder, stillToGrade } from '../core/grade/run-folder';
import { t, type Lang } from '../core/i18n';
import { exerciseNames, hasErrors, loadTarget } from '../core/load';
import { formatProblem } from '../core/problems';
import { sshFactory } from '../ssh/lazy';
import { writeEvaluation } from './grade-output';
import { progressView } from './grade-progress';
import { EXIT } from './exit';
import { agentPath } from './transports';

/** CLI version, injected by the bundler. */
declare const CLI_VERSION: string;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

/** Options of `tssr-lab grade`. */
export interface GradeFlags {
  inventory?: string;
  out?: string;
  resume?: string;
  retryFailed?: boolean;
  shard?: string;
  concurrency: string;
  knownHosts?: string;
  identity?: string;
  sudo?: boolean;
  sign?: string;
  exam?: boolean;
  lang: Lang;
}

/** The exercises a path names: one exercise, or every exercise of a pack in its order; all must be valid. */
function exercisesOf(
  path: string,
  lang: Lang,
  err: (s: string) => void,
): { exercises: GradedExerciseInput[]; pack?: { id: string; version: string }; exam: boolean } {
  const target = loadTarget(path, lang);
  if (hasErrors(target.problems)) {
    target.problems.forEach((p) => err(formatProblem(p)));
    throw new UsageError('INVALID_PACK', t(lang, 'grade.invalidPack', path));
  }
  const pack = target.pack?.data ? { id: target.pack.data.id, version: target.pack.data.version } : undefined;
  const list = target.kind === 'pack' ? target.pack.exercises : [target.exercise];
  if (!list.length && target.kind === 'pack') throw new UsageError('EMPTY_PACK', t(lang, 'grade.emptyPack', path, exerciseNames(target.pack)));
  return { exercises: list.map((e) => ({ exercise: e.data!, dir: e.dir })), pack, exam: target.pack?.data?.exam === true };
}

/** `--shard i/n`: the i-th of n contiguous slices of the inventory (rooms stay together). */
export function shardOf(candidates: Candidate[], spec: string | undefined, lang: Lang): Candidate[] {
  if (!spec) return candidates;
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError('BAD_SHARD', t(lang, 'grade.badShard', spec));
  const size = Math.ceil(candidates.length / n);
  return candidates.slice((i - 1) * size, i * size);
}

function readInventory(file: string, o: GradeFlags): Candidate[] {
  if (!existsSync(file)) throw new UsageError('NO_INVENTORY', t(o.lang, 'grade.noInventory', file));
  const sshConfigFile = join(homedir(), '.ssh', 'config');
  return parseInventory(readFileSync(file, 'utf8'), file, {
    lang: o.lang,
    sshConfig: existsSync(sshConfigFile) ? { text: readFileSync(sshConfigFile, 'utf8'), home: homedir() } : undefined,
    defaults: { ...(o.identity ? { key: resolve(o.identity) } : {}) },
  });
}

/** A dated run folder name: `evaluation-2026-11-29_0815-tssr-linux`. */
function datedFolder(name: string): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return resolve(`evaluation-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}-${name}`);
}

/** Grades a room: every candidate of the inventory on the exercise or pack, in parallel; resolves to the exit code. */
export async function grade(path: string | undefined, o: GradeFlags, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const concurrency = Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new UsageError('BAD_CONCURRENCY', t(o.lang, 'grade.badConcurrency', o.concurrency));
  let folder: RunFolder;
  let candidates: Candidate[];
  if (o.resume) {
    if (!RunFolder.isRun(o.resume)) throw new UsageError('NOT_A_RUN', t(o.lang, 'grade.notARun', o.resume));
    folder = new RunFolder(resolve(o.resume));
    candidates = stillToGrade(folder, folder.session().candidates, o.retryFailed === true);
    err(t(o.lang, 'grade.resuming', relative(process.cwd(), folder.dir) || '.', candidates.length, folder.session().candidates.length));
  } else {
    if (o.retryFailed) throw new UsageError('RETRY_NEEDS_RESUME', t(o.lang, 'grade.retryNeedsResume'));
    if (!path || !o.inventory) throw new UsageError('GRADE_ARGS', t(o.lang, 'grade.args'));
    const { exercises, pack, exam } = exercisesOf(path, o.lang, err);
    candidates = shardOf(readInventory(o.inventory, o), o.shard, o.lang);
    const dir = o.out ? resolve(o.out) : datedFolder(pack?.id ?? exercises[0].exercise.id);
    if (RunFolder.isRun(dir)) throw new UsageError('RUN_EXISTS', t(o.lang, 'grade.runExists', dir));
    folder = RunFolder.create(dir, {
      id: basename(dir),
      startedAt: new Date().toISOString(),
      tool: VERSION,
      exam: exam || o.exam === true,
      ...(o.shard ? { shard: o.shard } : {}),
      ...(pack ? { pack } : {}),
      exercises: exercises.map((e) => ({ dir: e.dir, exercise: e.exercise })),
      candidates,
    });
  }
  const session = folder.session();
  const exercises = session.exercises.map((e) => ({ exercise: e.exercise, dir: e.dir }));
  const view = progressView(o.lang, process.stderr);
  const stop = new AbortController();
  const onSigint = (): void => {
    if (stop.signal.aborted) process.exit(EXIT.transport);
    view.note(t(o.lang, 'grade.stopping'));
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  const defaults = {
    agentFile: agentPath(),
    lang: o.lang,
    knownHostsFile: o.knownHosts && resolve(o.knownHosts),
    sudo: o.sudo,
    passphrase: process.env.TSSR_LAB_SSH_PASSPHRASE,
  };
  try {
    await evaluate({
      candidates,
      exercises,
      pack: session.pack,
      lang: o.lang,
      concurrency,
      folder,
      signal: stop.signal,
      onProgress: (p) => view.update(p),
      connect: (c) => createTransport(candidateRequest(c, defaults), sshFactory),
    });
  } finally {
    process.off('SIGINT', onSigint);
    view.done();
  }
  const report = assemble(folder, o.lang, VERSION);
  const file = writeEvaluation(folder.dir, report, o.sign, o.lang);
  const rel = relative(process.cwd(), folder.dir) || '.';
  out(t(o.lang, 'grade.summary', report.hosts.filter((h) => h.status === 'done').length, report.hosts.length, relative(process.cwd(), file)));
  if (stop.signal.aborted) {
    out(t(o.lang, 'grade.resumeWith', rel));
    return EXIT.transport;
  }
  const failed = report.hosts.filter((h) => h.status === 'unreachable' || h.status === 'error');
  if (failed.length) out(t(o.lang, 'grade.retryWith', failed.map((h) => h.candidate.id).join(', '), rel));
  out(t(o.lang, 'grade.reportWith', rel));
  return failed.length ? EXIT.transport : EXIT.ok;
}
