import type { Evaluation } from '../../../../../schemas/generated/types';
import type { Lang } from '../../i18n';

/** A file a reporter writes into the run folder's report directory. */
export interface ReportFile {
  name: string;
  content: string;
}

/** One output format of an evaluation: one file per format, behind this interface. */
export interface Reporter {
  format: 'html' | 'json' | 'csv' | 'junit' | 'tap';
  /** Renders the evaluation; `traces` maps candidate ids to their trace document's text, for the jury. */
  render(ev: Evaluation, lang: Lang, traces?: Map<string, string>): ReportFile[];
}

/** Removes the characters XML 1.0 forbids, lone surrogates included (command output may hold any byte). */
export function xmlSafe(s: string): string {
  return s.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Escapes text for XML content and attributes, after removing what XML cannot hold. */
export function xmlEsc(s: unknown): string {
  return xmlSafe(String(s)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The reason a critère did not pass, from its first failing (or erroring) result: never the hint. */
export function reasonOf(results: Array<{ status: string; message?: string; property: string }>): string {
  const bad = results.find((r) => r.status === 'fail') ?? results.find((r) => r.status === 'error') ?? results.find((r) => r.status === 'skip');
  return bad?.message ?? bad?.property ?? '';
}
