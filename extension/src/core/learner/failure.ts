import type { Check, Exercise, Result } from '../../../../schemas/generated/types';
import { checksOf } from '../criteria';
import { t, type Lang } from '../i18n';
import { diffOf, observedOf } from './observed';
import { learnerSentence } from './sentence';
import { ranOf, subjectOf, workspaceFileIn } from './subject';

/** Where a learner should look for a failure: their own workspace file, or a file on the target (read-only). */
export type LearnerLocation = { scheme: 'workspace'; path: string; line?: number } | { scheme: 'target'; path: string; line?: number };

/** One failed (or errored, or skipped) property, as the learner reads it: never the pack's check definition. */
export interface LearnerFailure {
  /** One short sentence about the learner's work, in their language. */
  sentence: string;
  /** What was run on the target (a command with its arguments), when a command was run. */
  ran?: string;
  /** What was observed, trimmed to the lines that matter. */
  observed?: string;
  /** The learner's file and line, or the target's file; never exercise.yaml. */
  location?: LearnerLocation;
  /** Both sides of a comparison of text, only when they are comparable text. */
  diff?: { expected: string; actual: string };
}

/** What `describeFailure` may know beyond the result: the language, the check that produced it, exam mode. */
export interface DescribeOptions {
  /** The learner's language; French when absent. */
  lang?: Lang;
  /** The check definition (`checksOf(critère)[r.checkIndex]`): its command, its subject, its trainer `message`. */
  check?: Check;
  /** Exam mode: the sentence says only that the property is not met; nothing run, observed or expected is shown. */
  exam?: boolean;
}

// The pack's own files are the trainer's: a learner is never sent there.
const PACK_FILE = /(^|\/)(exercise|pack)\.ya?ml$/;

/** The learner's file (the result's path, or the script a command runs), else the target's file. */
function locationOf(r: Result, check: Check | undefined, workspaceFiles: readonly string[]): LearnerLocation | undefined {
  const path = r.path?.replace(/^\.\/+/, '');
  if (path && PACK_FILE.test(path)) return undefined;
  if (path && !r.path!.startsWith('/')) {
    const inWorkspace = workspaceFiles.includes(path) || (check?.type === 'file' && check.path.replace(/^\.\/+/, '') === path) || check?.type === 'lint';
    if (inWorkspace) return { scheme: 'workspace', path, ...(r.line ? { line: r.line } : {}) };
  }
  if (r.path?.startsWith('/')) return { scheme: 'target', path: r.path, ...(r.line ? { line: r.line } : {}) };
  // A content that is nowhere in the file carries no line: it is still about the check's file on the target, which
  // exists (a missing file has nothing to show, and its failure stays on the learner's statement).
  const checkPath = (check as { path?: unknown } | undefined)?.path;
  if (!r.path && r.property.startsWith('contents') && typeof checkPath === 'string' && checkPath.startsWith('/') && !PACK_FILE.test(checkPath)) {
    return { scheme: 'target', path: checkPath };
  }
  const file = workspaceFileIn(check, workspaceFiles);
  return file && !PACK_FILE.test(file) ? { scheme: 'workspace', path: file } : undefined;
}

/**
 * The learner's view of one result that did not pass: a sentence from the catalogue (or the trainer's `message`), what
 * was run, what was observed (trimmed), where to look, and a diff only for comparable text.
 */
export function describeFailure(r: Result, workspaceFiles: readonly string[] = [], options: DescribeOptions = {}): LearnerFailure {
  const lang = options.lang ?? 'fr';
  const location = locationOf(r, options.check, workspaceFiles);
  const where = location ? { location } : {};
  if (options.exam) return { sentence: t(lang, 'learner.examFailed', subjectOf(lang, options.check, r.checkType, workspaceFiles, r.path)), ...where };
  const ran = ranOf(lang, options.check);
  const observed = r.status === 'pass' ? undefined : observedOf(lang, r);
  const diff = diffOf(r);
  return {
    sentence: learnerSentence(lang, r, options.check, workspaceFiles),
    ...(ran ? { ran } : {}),
    ...(observed ? { observed } : {}),
    ...where,
    ...(diff ? { diff } : {}),
  };
}

/** `describeFailure` for a result of a run of `exercise`: its check and the learner's files are looked up there. */
export function describeInExercise(exercise: Exercise, r: Result, lang: Lang, exam = false): LearnerFailure {
  const criterion = exercise.criteria.find((c) => c.id === r.criterionId);
  const check = criterion ? checksOf(criterion)[r.checkIndex] : undefined;
  return describeFailure(r, exercise.workspaceFiles ?? [], { lang, check, exam });
}
