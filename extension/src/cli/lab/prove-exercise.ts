import { readFileSync } from 'node:fs';
import type { Exercise, RunReport } from '../../../../schemas/generated/types';
import { createTransport } from '../../core/create-transport';
import { t, type Lang } from '../../core/i18n';
import { requireInside } from '../../core/path-rules';
import { runExercise } from '../../core/run';
import { tailKeeper, type Transport } from '../../core/transport';
import type { ScriptRunner } from '../../core/script-runner';
import { sshFactory } from '../../ssh/lazy';
import { agentPath } from '../transports';
import { freshProblems, solvedProblems, type ProofRow } from './proof';
import type { Container, Lab } from './lab';

/** One exercise to prove: its data and folder. */
export interface ExerciseToProve {
  data: Exercise;
  dir: string;
}

const since = (start: number): number => (Date.now() - start) / 1000;

/** Times one phase into `row.times[key]`. */
async function timed<T>(row: ProofRow, key: keyof ProofRow['times'], f: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await f();
  } finally {
    row.times[key] = since(start);
  }
}

/** Runs one lifecycle script (setup, solution.apply, cleanup) as root; a non-zero exit becomes a row problem. */
async function script(runner: ScriptRunner, ex: ExerciseToProve, rel: string, row: ProofRow, lang: Lang): Promise<boolean> {
  const text = readFileSync(requireInside(ex.dir, rel, 'file', 'exercise', lang), 'utf8');
  const tail = tailKeeper(600);
  const { code } = await runner.runScript(text, { onStdout: () => undefined, onStderr: tail.push, lang });
  if (code === 0) return true;
  row.problems.push(t(lang, 'packTest.scriptFailed', ex.data.id, rel, code ?? '—', tail.text().trim().split('\n').slice(-3).join(' | ')));
  return false;
}

/**
 * A fresh container: setup, the checks (all fail or skip), the solution, the checks (all pass), cleanup — setup and
 * solution on the SAME SSH connection as the checks, as a learner keeps their shell: a hardened sshd may refuse a new login.
 */
export async function proveInContainer(lab: Lab, name: string, ex: ExerciseToProve, lang: Lang, keep: boolean): Promise<ProofRow> {
  const row: ProofRow = { id: ex.data.id, where: 'container', times: {}, verdict: 'ok', problems: [] };
  let box: Container | undefined;
  let transport: (Transport & ScriptRunner) | undefined;
  try {
    [box] = await timed(row, 'boot', () => lab.boot(name));
    const ep = await box.sshEndpoint();
    const target = { kind: 'ssh' as const, host: '127.0.0.1', port: ep.port, user: 'root' };
    transport = createTransport({ target, agentFile: agentPath(), lang, identityFile: ep.identityFile, knownHostsFile: ep.knownHosts }, sshFactory);
    const check = (): Promise<RunReport> => runExercise({ transport: transport!, exercise: ex.data, exerciseDir: ex.dir, lang });
    const d = ex.data;
    if (d.setup && !(await timed(row, 'setup', () => script(transport!, ex, d.setup!, row, lang)))) return failed(row);
    row.fresh = await timed(row, 'fresh', check);
    row.problems.push(...freshProblems(d, row.fresh, lang));
    if (d.solution.apply && !(await timed(row, 'apply', () => script(transport!, ex, d.solution.apply!, row, lang)))) return failed(row);
    row.solved = await timed(row, 'solved', check);
    row.problems.push(...solvedProblems(d, row.solved, lang));
    if (d.cleanup) await timed(row, 'cleanup', () => script(transport!, ex, d.cleanup!, row, lang));
    return row.problems.length ? failed(row) : row;
  } catch (e) {
    row.problems.push(t(lang, 'packTest.labError', ex.data.id, (e as Error).message));
    row.verdict = 'error';
    return row;
  } finally {
    await transport?.dispose();
    if (box && !keep) await box.stop().catch(() => undefined);
  }
}

/** A solution made of files only: like `check` then `check --solution` on this machine, in the workspace. */
export async function proveLocally(ex: ExerciseToProve, lang: Lang): Promise<ProofRow> {
  const row: ProofRow = { id: ex.data.id, where: 'local', times: {}, verdict: 'ok', problems: [] };
  const transport = createTransport({ target: { kind: 'local' }, agentFile: agentPath(), lang, local: 'worker' }, sshFactory);
  try {
    const check = (useSolution: boolean) => (): Promise<RunReport> => runExercise({ transport, exercise: ex.data, exerciseDir: ex.dir, lang, useSolution });
    row.fresh = await timed(row, 'fresh', check(false));
    row.problems.push(...freshProblems(ex.data, row.fresh, lang));
    row.solved = await timed(row, 'solved', check(true));
    row.problems.push(...solvedProblems(ex.data, row.solved, lang));
    return row.problems.length ? failed(row) : row;
  } catch (e) {
    row.problems.push(t(lang, 'packTest.labError', ex.data.id, (e as Error).message));
    row.verdict = 'error';
    return row;
  } finally {
    await transport.dispose();
  }
}

function failed(row: ProofRow): ProofRow {
  row.verdict = 'failed';
  return row;
}
