/**
 * How V8 compiles the tree-sitter grammars, chosen once per process by its entry point (no imports: the CLI sets it
 * before anything loads the WASM runtime).
 *
 * - `tiered` (V8's default): functions start on the baseline compiler (Liftoff); hot ones are optimised by TurboFan in
 *   background threads. The PowerShell grammar's lexer is huge: optimising it costs 6–7 s of CPU once, after which a
 *   2,000-line analysis runs in about 35 ms. Right for the editor, where the lint worker runs for hours and the
 *   optimisation happens off the extension host's thread.
 * - `baseline` (`--liftoff-only`): nothing is optimised. A one-shot CLI then lints a small PowerShell file in about
 *   0.2 s instead of 7 s (the process otherwise lives on until TurboFan is done), for analyses about twice as slow.
 */
export type CompileMode = 'tiered' | 'baseline';

let mode: CompileMode = 'tiered';

/** Chooses the compile mode; call before the first grammar loads (later calls change nothing already compiled). */
export function setCompileMode(next: CompileMode): void {
  mode = next;
}

/** The compile mode of this process; the CLI's launcher (a bundle of its own) marks `baseline` on globalThis. */
export function compileMode(): CompileMode {
  return (globalThis as { __tssrLabCompileMode?: CompileMode }).__tssrLabCompileMode ?? mode;
}

/**
 * The V8 flags that undo `baseline`, for code that must restore the defaults (the CLI's code cache is keyed by flags).
 * `--liftoff-only` also turns off the two tier-up flags, and `--no-liftoff-only` does not turn them back on: without
 * them, every cache written after a lint was refused by the next run.
 */
export const COMPILE_MODE_DEFAULT_FLAGS = ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering'];
