import type { LintOptions } from './engine';
import type { Finding, ScriptLanguage } from './types';

/** A request to the lint worker (lint-worker.ts); `id` pairs it with its reply. Edits expect no reply. */
export type LintRequest =
  /** Full analysis of a document's text; the worker keeps its tree for later edits. */
  | { op: 'analyse'; id: number; key: string; language: ScriptLanguage; text: string; options: LintOptions }
  /** Replaces [start, end) of the document's text; the next `findings` re-parses incrementally. */
  | { op: 'edit'; key: string; start: number; end: number; text: string }
  /** Findings of the document's current text (after its edits). */
  | { op: 'findings'; id: number; key: string; options: LintOptions }
  /** Forgets a document. */
  | { op: 'close'; key: string };

/** The worker's reply to `analyse` or `findings`. `unknown` means the document is not open in the worker. */
export type LintReply = { id: number; ok: true; findings: Finding[] } | { id: number; ok: false; unknown: boolean; message: string };

/** Environment variable set to `1` for the worker process, so that loading the file elsewhere does nothing. */
export const LINT_WORKER_MARKER = 'TSSR_LAB_LINT_WORKER';
