/** Backtracks V8 allows a match before it switches that match to the linear-time engine. */
export const BACKTRACKS_BEFORE_FALLBACK = 2000;

/**
 * The V8 flags the regex engine sets on first use. They are process-wide: the CLI, which runs the agent in a worker
 * thread, sets the same ones at start-up (extension/src/cli/launcher.ts) so that V8's code cache, which records the
 * flags it was made under, is not made stale by a run that matched a regex.
 */
export const REGEX_V8_FLAGS = [
  '--enable-experimental-regexp-engine',
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  `--regexp-backtracks-before-fallback=${BACKTRACKS_BEFORE_FALLBACK}`,
];
