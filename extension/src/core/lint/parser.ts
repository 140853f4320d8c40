import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { compileMode } from './compile-mode';
import type { ScriptLanguage } from './types';

const WASM = {
  runtime: 'web-tree-sitter.wasm',
  bash: 'tree-sitter-bash.wasm',
  powershell: 'tree-sitter-powershell.wasm',
} as const;

/** Characters handed to the parser per read. */
const CHUNK = 8192;

let ready: Promise<Record<ScriptLanguage, Language>> | undefined;

/** Where the .wasm files are: beside the bundle in dist/, or in node_modules when running from sources. */
function locate(file: string, wasmDir?: string): string {
  if (wasmDir) return join(wasmDir, file);
  if (existsSync(join(__dirname, file))) return join(__dirname, file);
  // From sources (tests, tsc output): the packages' own copies. The string is built so bundlers leave it alone.
  const pkg = file === WASM.runtime ? 'web-tree-sitter' : file.replace(/\.wasm$/, '');
  return require.resolve([pkg, file].join('/'));
}

/** Loads the WASM runtime and both grammars once (no native build: works in the bundle and in code-server). */
export function loadLanguages(wasmDir?: string): Promise<Record<ScriptLanguage, Language>> {
  ready ??= withCompileMode(async () => {
    await Parser.init({ locateFile: () => locate(WASM.runtime, wasmDir) });
    const [bash, powershell] = await Promise.all([Language.load(locate(WASM.bash, wasmDir)), Language.load(locate(WASM.powershell, wasmDir))]);
    return { bash, powershell };
  });
  return ready;
}

/**
 * In `baseline` mode (the CLI), V8 compiles the grammars with Liftoff only (see compile-mode.ts). The flag is
 * process-wide, so it is set only in that mode, and left alone when the user set a wasm flag (e.g. NODE_OPTIONS).
 * (`--no-wasm-tier-up`, used before, does not stop V8's dynamic tiering: a cold PowerShell lint still took 7 s.)
 */
async function withCompileMode<T>(load: () => Promise<T>): Promise<T> {
  const userSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('liftoff') || a.includes('wasm-tier'));
  if (!userSet && compileMode() === 'baseline') setFlagsFromString('--liftoff-only');
  return load();
}

/** A parser per language, reused across analyses. */
export class ScriptParser {
  private readonly parsers = new Map<ScriptLanguage, Parser>();

  constructor(private readonly languages: Record<ScriptLanguage, Language>) {}

  /** Parses text; passing the previous tree (already edited) makes the parse incremental. */
  parse(language: ScriptLanguage, text: string, previous?: Tree): Tree {
    let p = this.parsers.get(language);
    if (!p) {
      p = new Parser();
      p.setLanguage(this.languages[language]);
      this.parsers.set(language, p);
    }
    // Feed the text in chunks: handing the whole remaining string at each read makes long files slow.
    const tree = p.parse((index: number) => text.slice(index, index + CHUNK), previous);
    if (!tree) throw new Error(`the ${language} parser returned no tree`);
    return tree;
  }
}

/** Loads the grammars and returns a ready parser. */
export async function createParser(wasmDir?: string): Promise<ScriptParser> {
  return new ScriptParser(await loadLanguages(wasmDir));
}
