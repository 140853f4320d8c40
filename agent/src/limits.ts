/** Hard limits of the agent: each keeps one hostile input from exhausting the target's memory or time. */

/** Largest request line read from stdin, enforced while reading. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** Largest decoded size of all workspace files together. */
export const MAX_WORKSPACE_BYTES = 32 * 1024 * 1024;
/** Most workspace files in one request. */
export const MAX_WORKSPACE_FILES = 10_000;
/** Bytes of a file's contents read for assertions; the rest is never read. */
export const MAX_CONTENTS = 10 * 1024 * 1024;
/** Bytes of stdout and stderr kept per command; the rest is dropped so a flood cannot exhaust memory. */
export const MAX_OUTPUT = 1024 * 1024;
/** Largest timer delay Node honours; a larger one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Most checks run at once. */
export const MAX_CONCURRENCY = 64;
