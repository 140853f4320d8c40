import type { Criterion, CriterionReport, RunReport } from '../../../../../schemas/generated/types';
import type { Session } from '../../session';
import { ANSI, PLAIN } from '../colour';
import { formatCriterionBlock, formatSummary, type TextOptions } from './text-blocks';
import type { RunReportOptions, RunReporter } from './types';

function textOptions(o: RunReportOptions): TextOptions {
  return {
    lang: o.lang,
    paint: o.colour ? ANSI : PLAIN,
    exam: o.exam,
    workspaceFiles: o.exercise?.workspaceFiles ?? [],
    // Several critères may lint one file: its findings are listed once per report.
    listedLintFiles: new Set(),
  };
}

/**
 * Prints each critère's block once it has settled and every critère before it has been printed: live, yet grouped by
 * critère in pack order. Critères that do not run (jury, not selected) print only in the summary.
 */
function inPackOrder(o: RunReportOptions, text: TextOptions, print: (block: string) => void) {
  const criteria = new Map<string, Criterion>(o.exercise?.criteria.map((c) => [c.id, c]));
  // Without the exercise, the report's (or session's) own order is pack order.
  let order: string[] | undefined = o.exercise ? [...criteria.keys()] : undefined;
  let next = 0;
  const emit = (c: CriterionReport | undefined): void => {
    if (c && c.status !== 'notRun') print(formatCriterionBlock(c, criteria.get(c.id), text));
  };
  return {
    advance(session: Session): void {
      order ??= [...session.criteria.keys()];
      for (; next < order.length && session.settled(order[next]); next++) emit(session.criteria.get(order[next]));
    },
    rest(report: RunReport): void {
      order ??= report.criteria.map((c) => c.id);
      for (; next < order.length; next++) emit(report.criteria.find((r) => r.id === order![next]));
    },
  };
}

/**
 * Writes the lines pushed in one turn of the event loop as one write: results stay live (the agent sends them turn by
 * turn), at a fraction of the writes (about 10 ms of a 40-check run went to one console.log per result).
 */
function perTurn(write: (s: string) => void): { push(line: string): void; flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('\n');
    pending = [];
    write(text);
  };
  return {
    push(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/** The learner's text: a block per critère as it settles (what did not pass, in words, and the first hint), then a summary. */
export const textRunReporter: RunReporter = {
  format: 'text',
  tellsError: true,
  render(report, o) {
    const text = textOptions(o);
    const blocks: string[] = [];
    inPackOrder(o, text, (b) => blocks.push(b)).rest(report);
    // As the live output reads: the blocks, a blank line, the summary.
    return [{ name: 'report.txt', content: [...blocks, '\n' + formatSummary(report, text)].join('\n') }];
  },
  live(o, write) {
    const text = textOptions(o);
    const batch = perTurn(write);
    const blocks = inPackOrder(o, text, (b) => batch.push(b));
    return {
      onEvent: (session) => blocks.advance(session),
      end(report) {
        if (report) blocks.rest(report);
        batch.flush();
        if (report) write('\n' + formatSummary(report, text));
      },
    };
  },
};
