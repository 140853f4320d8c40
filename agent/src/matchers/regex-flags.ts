/** Backtracks V8 allows a match before it switches that match to the linear-time engine. */
export const BACKTRACKS_BEFORE_FALLBACK = 2000;

/**
 * The V8 flags the regex engine sets on first use. They are process-wide: in the CLI, which runs the agent in a worker
 * thread, they would change the flags V8 records in the code cache it saves after a run (extension/src/cli/launcher.ts).
 */
export const REGEX_V8_FLAGS = [
  '--enable-experimental-regexp-engine',
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  `--regexp-backtracks-before-fallback=${BACKTRACKS_BEFORE_FALLBACK}`,
];

/** The same flags at V8's defaults: the launcher restores them before it saves the code cache, so the next run can use it. */
export const REGEX_V8_FLAGS_DEFAULTS = [
  '--no-enable-experimental-regexp-engine',
  '--no-enable-experimental-regexp-engine-on-excessive-backtracks',
  '--regexp-backtracks-before-fallback=50000',
];
