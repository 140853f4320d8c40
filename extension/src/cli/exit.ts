/** Exit codes of the CLI: 0 every critère passed, 1 a critère failed (or validation found errors), 2 invalid input or usage, 3 target or transport error. */
export const EXIT = { ok: 0, failed: 1, usage: 2, transport: 3 } as const;
