import { createLogUpdate } from 'log-update';
import type { HostProgress } from '../core/grade/evaluate';
import { t, type Lang } from '../core/i18n';

/** What the evaluator sees while a room is graded: live lines on a terminal, plain lines on a state change elsewhere. */
export interface ProgressView {
  update(p: HostProgress): void;
  note(line: string): void;
  done(): void;
}

function line(p: HostProgress, lang: Lang): string {
  const who = `${p.candidate.id.padEnd(10)} ${p.candidate.name.slice(0, 24).padEnd(24)}`;
  const state = t(lang, `grade.state.${p.state}` as const);
  const checks = p.state === 'running' || p.state === 'done' ? ` ${p.checksDone}/${p.checksTotal}` : '';
  const points = p.state === 'done' || p.state === 'interrupted' ? ` · ${p.earned}/${p.points} pts` : '';
  const why = p.error ? ` — ${p.error.message.split('\n')[0].slice(0, 120)}` : '';
  return `${who} ${state}${checks}${points}${why}`;
}

function total(all: Map<string, HostProgress>, lang: Lang): string {
  const list = [...all.values()];
  const count = (...s: HostProgress['state'][]): number => list.filter((p) => s.includes(p.state)).length;
  return t(lang, 'grade.total', count('done'), list.length, count('connecting', 'running'), count('unreachable', 'error'), count('waiting'));
}

/** A live block on a TTY (log-update redraws it), else one plain line per state change. */
export function progressView(lang: Lang, stream: NodeJS.WriteStream): ProgressView {
  const all = new Map<string, HostProgress>();
  if (!stream.isTTY) {
    return {
      update: (p) => {
        const before = all.get(p.candidate.id);
        all.set(p.candidate.id, p);
        if (before?.state !== p.state) stream.write(line(p, lang) + '\n');
      },
      note: (l) => stream.write(l + '\n'),
      done: () => stream.write(total(all, lang) + '\n'),
    };
  }
  const draw = createLogUpdate(stream, { showCursor: true });
  let timer: NodeJS.Timeout | undefined;
  const render = (): void => {
    timer = undefined;
    // A room bigger than the screen shows the busy and failed hosts, the rest is in the total line.
    const rows = stream.rows ? Math.max(3, stream.rows - 3) : 40;
    const list = [...all.values()];
    const shown = list.length > rows ? list.filter((p) => p.state !== 'waiting' && p.state !== 'done').slice(0, rows) : list;
    draw([...shown.map((p) => line(p, lang)), total(all, lang)].join('\n'));
  };
  return {
    update: (p) => {
      all.set(p.candidate.id, p);
      timer ??= setTimeout(render, 80);
    },
    note: (l) => {
      draw.clear();
      stream.write(l + '\n');
      render();
    },
    done: () => {
      if (timer) clearTimeout(timer);
      render();
      draw.done();
    },
  };
}
