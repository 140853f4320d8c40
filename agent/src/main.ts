import { createInterface } from 'node:readline';
import { runAll } from './runner';
import { checkTypes } from './registry';
import { emit, fatal, PROTOCOL_VERSION } from './protocol';
import { parseRequest, RequestError } from './request';
import { prepareWorkspace } from './workspace';

/** Agent version, injected by the bundler. */
declare const AGENT_VERSION: string;
const version = typeof AGENT_VERSION === 'string' ? AGENT_VERSION : '0.0.0-dev';

/** Reads the first stdin line; resolves null on EOF without one. */
function firstLine(): Promise<string | null> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let done = false;
    rl.once('line', (l) => { done = true; rl.close(); resolve(l); });
    rl.once('close', () => { if (!done) resolve(null); });
  });
}

async function serve(): Promise<void> {
  emit({ event: 'hello', protocol: PROTOCOL_VERSION, agentVersion: version, node: process.version, platform: `${process.platform}-${process.arch}`, checkTypes });
  const line = await firstLine();
  if (line === null) return fatal('NO_REQUEST', 'No run request received on stdin');
  let req;
  try {
    req = parseRequest(line);
  } catch (e) {
    if (e instanceof RequestError) return fatal(e.code, e.message);
    throw e;
  }
  const started = Date.now();
  const ws = await prepareWorkspace(req.workspace);
  try {
    const counts = await runAll(req, ws.dir);
    emit({ event: 'summary', runId: req.runId, counts, durationMs: Date.now() - started });
  } finally {
    await ws.dispose();
  }
}

function main(argv: string[]): void {
  const cmd = argv[0];
  if (cmd === '--version') { process.stderr.write(version + '\n'); return; }
  if (cmd !== 'serve') {
    process.stderr.write('usage: agent.js serve   (reads one run request as an NDJSON line on stdin)\n');
    process.exitCode = 2;
    return;
  }
  serve().then(
    // Exit once stdout is flushed: a leftover grandchild of a killed command must not keep the agent alive.
    () => process.stdout.write('', () => process.exit(process.exitCode ?? 0)),
    (e: unknown) => fatal('INTERNAL', `Internal agent error: ${(e as Error)?.message ?? String(e)}`),
  );
}

main(process.argv.slice(2));
