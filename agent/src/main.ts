import { cleanupNow, installCrashHooks, installExitHooks } from './cleanup';
import { MAX_REQUEST_BYTES } from './limits';
import { RegexEngine } from './matchers/regex';
import { checkTypes } from './registry';
import { emit, end, fatal, flush, PROTOCOL_VERSION } from './protocol';
import { parseRequest, RequestError } from './request';
import { runAll } from './runner';
import { because } from './reason';
import { readFirstLine, readFirstLineFd } from './stdin';
import { createSystem } from './system';
import { isAgentWorker, readRequestMessage, useParentPort } from './worker';
import { prepareWorkspace, sweepStale, WorkspaceError } from './workspace';

/** Agent version, injected by the bundler. */
declare const AGENT_VERSION: string;
const version = typeof AGENT_VERSION === 'string' ? AGENT_VERSION : '0.0.0-dev';

function internal(e: unknown): void {
  fatal('INTERNAL', because('request.internal', { error: (e as Error)?.message ?? String(e) }));
}

async function serve(inWorker: boolean): Promise<void> {
  // A worker shares the client's process: no signal handler, no exit; its client cleans up after terminating it.
  if (inWorker) installCrashHooks(internal);
  else {
    installExitHooks((signal) => {
      emit({ event: 'fatal', code: 'INTERRUPTED', reason: because('request.stoppedBySignal', { signal }) });
      flush();
    }, internal);
  }
  emit({
    event: 'hello',
    protocol: PROTOCOL_VERSION,
    agentVersion: version,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    checkTypes,
  });
  // Folders of agents killed by SIGKILL: removed while the request arrives, awaited before the summary.
  const sweep = sweepStale().catch(() => []);
  const first = inWorker
    ? await readRequestMessage(MAX_REQUEST_BYTES)
    : await readFirstLineFd(0, MAX_REQUEST_BYTES, (read) => readFirstLine(process.stdin, MAX_REQUEST_BYTES, read));
  if (first.kind === 'eof') return fatal('NO_REQUEST', because('request.none'));
  if (first.kind === 'tooLarge') return fatal('REQUEST_TOO_LARGE', because('request.tooLarge', { limit: MAX_REQUEST_BYTES, bytes: first.bytes }));
  let req;
  try {
    req = parseRequest(first.line);
  } catch (e) {
    if (e instanceof RequestError) return fatal(e.code, e.reason);
    throw e;
  }
  const started = Date.now();
  let ws;
  try {
    ws = await prepareWorkspace(req.workspace);
  } catch (e) {
    if (e instanceof WorkspaceError) return fatal('BAD_WORKSPACE', e.reason);
    throw e;
  }
  const services = { system: createSystem(), regex: new RegexEngine() };
  try {
    const counts = await runAll(req, ws.dir, services);
    emit({ event: 'summary', runId: req.runId, counts, durationMs: Date.now() - started });
  } finally {
    services.regex.dispose();
    await ws.dispose();
    await sweep;
  }
}

function main(argv: string[]): void {
  const cmd = argv[0];
  if (cmd === '--version') {
    process.stderr.write(version + '\n');
    return;
  }
  if (cmd !== 'serve') {
    process.stderr.write('usage: agent.js serve   (reads one run request as an NDJSON line on stdin)\n');
    process.exitCode = 2;
    return;
  }
  // One run, then exit: TurboFan's optimised code would be ready only as the run ends, and its compiler's memory is
  // about 5 MB of the agent's peak at 500 checks. Process mode only: a worker shares its client's flags.
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-opt');
  serve(false).then(() => end(Number(process.exitCode ?? 0)), internal);
}

if (isAgentWorker()) {
  // The client's stop, as SIGTERM for a process: the same cleanup, the same last line, the same code.
  useParentPort(() => {
    cleanupNow();
    emit({ event: 'fatal', code: 'INTERRUPTED', reason: because('request.stoppedByClient') });
    end(128 + 15);
  });
  serve(true).then(() => end(0), internal);
} else {
  main(process.argv.slice(2));
}
