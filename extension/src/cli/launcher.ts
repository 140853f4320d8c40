// The `tssr-lab` executable (dist/cli.js). It loads the CLI bundle, dist/cli-main.js, through V8's code cache, kept per
// installed bundle and Node version in ~/.cache/tssr-lab: a run then skips compiling the CLI's code, including the functions that
// the previous run compiled lazily (YAML parsing, validators). Node >= 22 offers this as module.enableCompileCache();
// this does the same on Node 20. TSSR_LAB_NO_CODE_CACHE=1 loads the bundle with a plain require.
const marks = globalThis as { __tssrLabT0?: number; __tssrLabCodeCache?: string; __tssrLabBundleHash?: string; __tssrLabCompileMode?: string };
// process.uptime, not performance.now: the first use of `performance` loads perf_hooks (about 1 ms).
marks.__tssrLabT0 = process.uptime() * 1000;
// A one-shot process: the script coach's grammars compile on V8's baseline tier only (core/lint/compile-mode.ts).
marks.__tssrLabCompileMode = 'baseline';
import { isAscii } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGEX_V8_FLAGS_DEFAULTS } from '../../../agent/src/matchers/regex-flags';
import { COMPILE_MODE_DEFAULT_FLAGS } from '../core/lint/compile-mode';
import { prestartAgentWorker, type AgentWorker } from '../core/agent-worker';

type Cli = { main(argv: string[]): Promise<number> };

// `tssr-lab check … | head`: the reader has gone, so the rest of the output has nowhere to go. The run still ends
// normally (the agent's commands and temp folders are cleaned up) instead of dying on an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

/** Loads the bundle; returns its exports and, when the cache was missing or stale, how to write it. */
function load(file: string, command: string): { cli: Cli; save?: () => void } {
  marks.__tssrLabCodeCache = 'off';
  if (process.env.TSSR_LAB_NO_CODE_CACHE) return { cli: require(file) as Cli };
  // Required here, after the agent's worker has started: node:crypto alone takes about 7 ms to load.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { homedir } = require('node:os') as typeof import('node:os');
  const { Script } = require('node:vm') as typeof import('node:vm');
  const Module = require('node:module') as typeof import('node:module');
  // Read as bytes: hashing them and, for an all-ASCII bundle (esbuild escapes strings; the build keeps regexes ASCII too),
  // reading them as latin1 costs about 1 ms, where a UTF-8 decode of the 1.4 MB takes 3 to 4 ms.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // One slot per installed bundle (path and Node version), holding the bundle's content hash then V8's data: a rebuild
  // replaces it, and V8 itself only checks the source length. The folder is the user's own, never a shared /tmp.
  const sha = (...parts: Array<string | Buffer>) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tssr-lab');
  // One slot per command too: the cache holds the functions its first run compiled, and a `grade` run's would leave
  // every later `check` compiling its own lazily (about 15 ms a run).
  const cacheFile = join(dir, `cli-${sha(file, process.version).toString('hex').slice(0, 20)}-${command}.v8`);
  const contentHash = sha(bytes);
  marks.__tssrLabBundleHash = contentHash.toString('hex'); // also keys the YAML parse cache (cli/parse-cache.ts)
  let cachedData: Buffer | undefined;
  try {
    const data = readFileSync(cacheFile);
    if (data.subarray(0, contentHash.length).equals(contentHash)) cachedData = data.subarray(contentHash.length);
  } catch {
    /* first run of this bundle */
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} as Cli };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, __dirname);
  marks.__tssrLabCodeCache = cachedData && !script.cachedDataRejected ? 'hit' : 'miss';
  if (marks.__tssrLabCodeCache === 'hit') return { cli: mod.exports };
  return {
    cli: mod.exports,
    save: () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // The agent's worker may have set its regex flags, the lint its compile mode: V8 stamps the cache with the flags, and would refuse it next time.
        const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
        for (const flag of [...REGEX_V8_FLAGS_DEFAULTS, ...COMPILE_MODE_DEFAULT_FLAGS]) setFlagsFromString(flag);
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, Buffer.concat([contentHash, script.createCachedData()]), { mode: 0o600 });
        renameSync(tmp, cacheFile);
      } catch {
        /* a read-only home: run without the cache */
      }
    },
  };
}

/** The command argv names (`check`, `grade`, …), after the global options; `other` for anything else (help, version). */
function commandOf(argv: string[]): string {
  const words = argv.filter((a, k) => !a.startsWith('-') && argv[k - 1] !== '--lang');
  return /^[a-z]{2,12}$/.test(words[0] ?? '') ? words[0] : 'other';
}

/** Whether argv asks for `check` on the local target, run in a worker (cli/transports.ts): `[--lang x] check … [-t local]`. */
function localCheck(argv: string[]): boolean {
  let i = 0;
  while (argv[i] === '--lang') i += 2;
  if (argv[i]?.startsWith('--lang=')) i++;
  if (argv[i] !== 'check' || process.env.TSSR_LAB_AGENT_PROCESS) return false;
  return (
    argv.every((a, k) => {
      const target = a === '-t' || a === '--target' ? argv[k + 1] : a.startsWith('--target=') ? a.slice(9) : undefined;
      return target === undefined || target === 'local';
    }) &&
    !argv.includes('-h') &&
    !argv.includes('--help')
  );
}

// A local check's agent worker starts before the CLI bundle loads: its start-up (about 30 ms) overlaps the bundle's and
// the exercise's loading. The check's WorkerTransport adopts it; a run that does not (a refused exercise) ends it here.
const argv = process.argv.slice(2);
const agentPath = process.env.TSSR_LAB_AGENT ?? join(__dirname, 'agent.js');
const early: AgentWorker | undefined = localCheck(argv) && existsSync(agentPath) ? prestartAgentWorker(agentPath) : undefined;
const { cli, save } = load(join(__dirname, 'cli-main.js'), commandOf(argv));
void cli.main(argv).then(async (code) => {
  process.exitCode = code;
  save?.(); // after the run, so that the cache holds the functions the run compiled
  if (!early) return;
  // A local check has nothing left to do: its agent ended and cleaned up, its report is out. It exits at once (about
  // 2 ms sooner than letting the event loop wind down), once stdout and stderr are drained (pipes are asynchronous on
  // macOS); Node still stops the agent's worker on the way out.
  await Promise.all([process.stdout, process.stderr].filter((s) => s.writableLength > 0).map((s) => new Promise((r) => s.once('drain', r))));
  process.exit(code);
});
