// The script coach's engine in a worker process (bundled as dist/lint-worker.js, forked by worker-client.ts): the WASM
// runtime, the grammars and every parse stay off the editor's extension host. Requests come in order; each document
// keeps its tree.
import { LintDocument } from './engine';
import { createParser, type ScriptParser } from './parser';
import { LINT_WORKER_MARKER, type LintReply, type LintRequest } from './worker-protocol';

const docs = new Map<string, LintDocument>();
let parser: Promise<ScriptParser> | undefined;
/** Requests run one after the other, in arrival order: an edit never overtakes the analysis it follows. */
let queue: Promise<void> = Promise.resolve();

async function handle(m: LintRequest): Promise<LintReply | undefined> {
  if (m.op === 'close') {
    docs.get(m.key)?.dispose();
    docs.delete(m.key);
    return undefined;
  }
  if (m.op === 'edit') {
    docs.get(m.key)?.edit(m.start, m.end, m.text);
    return undefined;
  }
  try {
    if (m.op === 'analyse') {
      parser ??= createParser();
      let doc = docs.get(m.key);
      if (!doc || doc.language !== m.language) {
        doc?.dispose();
        doc = new LintDocument(await parser, m.language);
        docs.set(m.key, doc);
      }
      return { id: m.id, ok: true, findings: doc.analyse(m.text, m.options) };
    }
    const doc = docs.get(m.key);
    if (!doc) return { id: m.id, ok: false, unknown: true, message: `${m.key} is not open in the lint worker` };
    return { id: m.id, ok: true, findings: doc.findings(m.options) };
  } catch (e) {
    return { id: m.id, ok: false, unknown: false, message: (e as Error).message };
  }
}

if (process.send && process.env[LINT_WORKER_MARKER] === '1') {
  const send = process.send.bind(process);
  process.on('message', (m: LintRequest) => {
    queue = queue.then(async () => {
      const reply = await handle(m);
      if (reply) send(reply);
    });
  });
  // The editor went away: end at once (an exit would wait for V8's background optimisation of the grammar).
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
