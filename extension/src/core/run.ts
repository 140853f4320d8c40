import { AgentError, LabError } from './errors';
import type { Exercise } from '../../../schemas/generated/types';
import type { AgentEvent } from '../../../schemas/generated/types';
import type { RunReport } from '../../../schemas/generated/types';
import { t, type Lang } from './i18n';
import { LineSplitter } from './ndjson';
import { clientChecks, runLintCheck } from './client-checks';
import type { ScriptParser } from './lint/parser';
import { buildRequest, selectedCriteria, workspaceDirOf, type RequestOptions } from './request';
import { runDeadlineMs, withDeadline } from './run-deadline';
import { Session } from './session';
import type { Transport } from './transport';

/** Everything needed to check one exercise on one target. */
export interface RunOptions extends RequestOptions {
  transport: Transport;
  exercise: Exercise;
  exerciseDir: string;
  pack?: { id: string; version: string };
  signal?: AbortSignal;
  /** Parser for client-side lint checks; created on first need when absent. */
  lintParser?: ScriptParser;
  /** Called for each agent event as soon as it is folded into the session. */
  onEvent?: (event: AgentEvent, session: Session) => void;
  /** Overall limit for the agent's run; computed from the request's timeouts when absent. */
  deadlineMs?: number;
}

/** Evaluates client-side checks (lint) and feeds their results through the same reducer as the agent's. */
async function runClientChecks(opts: RunOptions, splitter: LineSplitter): Promise<void> {
  const checks = clientChecks(opts.exercise, opts.only);
  if (!checks.length) return;
  // Loaded here, not at the top: the WASM runtime and grammars cost a run without a lint check for nothing.
  const parser = opts.lintParser ?? (await (await import('./lint/parser')).createParser());
  const dir = workspaceDirOf(opts.exercise, opts.exerciseDir, opts);
  const analysed = new Map(); // a file that several critères lint is analysed once
  for (const c of checks) {
    const started = Date.now();
    const results = await runLintCheck(c.check, c.criterionId, c.checkIndex, dir, parser, opts.lang, analysed);
    for (const r of results) splitter.push(JSON.stringify(r) + '\n');
    splitter.push(JSON.stringify({ event: 'checkEnd', criterionId: c.criterionId, checkIndex: c.checkIndex, durationMs: Date.now() - started }) + '\n');
  }
}

/**
 * Runs the agent through the transport and folds its output. Failures to start (auth, host key, no node)
 * reject with a TransportError; failures after results started arriving end in an `interrupted` report.
 */
export async function runExercise(opts: RunOptions): Promise<RunReport> {
  const lang: Lang = opts.lang;
  const session = new Session(opts.exercise, opts.transport.label, lang, opts.pack);
  const request = buildRequest(opts.exercise, opts.exerciseDir, opts);
  // Prerequisites of the chosen critères run with them (see selectedCriteria).
  session.start(selectedCriteria(opts.exercise, opts.only));
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
    (bytes) => {
      session.error = t(lang, 'run.lineTooLong', bytes);
    },
  );
  await runClientChecks(opts, splitter);
  const deadlineMs = opts.deadlineMs ?? runDeadlineMs(request);
  let exit;
  try {
    exit = await withDeadline(deadlineMs, opts.signal, (signal) =>
      opts.transport.runAgent(
        JSON.stringify(request),
        (chunk) => {
          if (!session.outcome) splitter.push(chunk);
        },
        signal,
        lang,
      ),
    );
  } catch (e) {
    if (!session.hello) throw e;
    session.finish('interrupted', t(lang, 'run.interrupted', (e as Error).message));
    return session.report();
  }
  if (exit === 'deadline') {
    session.finish('interrupted', t(lang, 'run.interrupted', t(lang, 'run.deadline', Math.round(deadlineMs / 1000))));
    return session.report();
  }
  splitter.end();
  if (protocolError) throw protocolError;
  if (!session.outcome) {
    const detail = exit.stderrTail.trim() ? `: ${exit.stderrTail.trim().split('\n').slice(-3).join(' | ')}` : '';
    session.finish('interrupted', t(lang, 'run.interrupted', exit.connectionLost ?? t(lang, 'run.agentExit', exit.code ?? '—', detail)));
  }
  return session.report();
}
