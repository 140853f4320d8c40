import { AgentError, LabError } from './errors';
import type { Exercise } from './generated/exercise';
import type { AgentEvent } from './generated/protocol';
import type { RunReport } from './generated/report';
import { t, type Lang } from './i18n';
import { LineSplitter } from './ndjson';
import { buildRequest, type RequestOptions } from './request';
import { Session } from './session';
import type { Transport } from './transport';

/** Everything needed to check one exercise on one target. */
export interface RunOptions extends RequestOptions {
  transport: Transport;
  exercise: Exercise;
  exerciseDir: string;
  pack?: { id: string; version: string };
  signal?: AbortSignal;
  /** Called for each agent event as soon as it is folded into the session. */
  onEvent?: (event: AgentEvent, session: Session) => void;
}

/**
 * Runs the agent through the transport and folds its output. Failures to start (auth, host key, no node)
 * reject with a TransportError; failures after results started arriving end in an `interrupted` report.
 */
export async function runExercise(opts: RunOptions): Promise<RunReport> {
  const lang: Lang = opts.lang;
  const session = new Session(opts.exercise, opts.transport.label, lang, opts.pack);
  const request = buildRequest(opts.exercise, opts.exerciseDir, opts);
  session.start(opts.only);
  let protocolError: LabError | undefined;
  const splitter = new LineSplitter(
    (line) => {
      if (protocolError) return;
      try {
        const ev = session.accept(line);
        opts.onEvent?.(ev, session);
      } catch (e) {
        if (e instanceof AgentError && e.code === 'PROTOCOL_MAJOR') protocolError = e;
        else if (e instanceof AgentError) session.error = e.message;
        else throw e;
      }
    },
    (bytes) => { session.error = t(lang, 'run.lineTooLong', bytes); },
  );
  let exit;
  try {
    exit = await opts.transport.runAgent(JSON.stringify(request), (chunk) => splitter.push(chunk), opts.signal);
  } catch (e) {
    if (!session.hello) throw e;
    session.finish('interrupted', t(lang, 'run.interrupted', (e as Error).message));
    return session.report();
  }
  splitter.end();
  if (protocolError) throw protocolError;
  if (!session.outcome) {
    const detail = exit.stderrTail.trim() ? `: ${exit.stderrTail.trim().split('\n').slice(-3).join(' | ')}` : '';
    session.finish('interrupted', t(lang, 'run.interrupted', t(lang, 'run.agentExit', exit.code ?? '—', detail)));
  }
  return session.report();
}
