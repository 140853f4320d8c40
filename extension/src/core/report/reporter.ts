/** A file a reporter writes: one of a report folder's files, or the one text a command prints. */
export interface ReportFile {
  name: string;
  content: string;
}

/** The part of a format that writes while its input is still being made (the text of a run, critère by critère). */
export interface LiveReport<In, Progress> {
  /** Something happened: write what has settled since the last call. */
  onEvent(progress: Progress): void;
  /** The input is complete (or absent, when making it failed): write what is left. */
  end(input?: In): void;
}

/**
 * One output format behind one interface, one file per format, for both families: a run's report (`RunReport`, from
 * `tssr-lab check`) and a room's evaluation (`Evaluation`, from `tssr-lab report`).
 */
export interface Reporter<In, Options, Format extends string = string, Progress = never> {
  readonly format: Format;
  /** The whole report at once. */
  render(input: In, options: Options): ReportFile[];
  /** The same output written as the input is made, through `write` (one call per batch of lines); absent: at the end only. */
  live?(options: Options, write: (text: string) => void): LiveReport<In, Progress>;
  /** The output itself tells a run's fatal error (the text summary does); when not, the command says it on stderr. */
  readonly tellsError?: boolean;
}

/** A reporter's live part, or for a format without one, a live part that renders once at the end. */
export function liveOf<In, Options, Progress>(
  reporter: Reporter<In, Options, string, Progress>,
  options: Options,
  write: (text: string) => void,
): LiveReport<In, Progress> {
  if (reporter.live) return reporter.live(options, write);
  return {
    onEvent: () => undefined,
    end(input) {
      if (input) for (const f of reporter.render(input, options)) write(f.content);
    },
  };
}
