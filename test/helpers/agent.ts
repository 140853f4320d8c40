import { spawn } from 'node:child_process';
import { AGENT } from './paths';
import { validate } from '../../extension/src/core/schemas';
import { renderReason } from '../../extension/src/core/i18n/reasons';
import type { Lang } from '../../extension/src/core/i18n';
import type { Reason } from '../../schemas/generated/types';

/** Every line the agent wrote, parsed, plus its exit code, stderr and the language the request asked for (French by default). */
export interface Transcript {
  events: Record<string, unknown>[];
  lines: string[];
  code: number | null;
  stderr: string;
  lang?: Lang;
}

/** Spawns the built agent, writes `input` on stdin and collects its output. */
export function runAgent(input: string, timeoutMs = 30_000): Promise<Transcript> {
  return runAgentVia([], input, timeoutMs);
}

/** Runs the built agent (`serve`) behind an argv prefix (`ip netns exec ns`, `setpriv …`, none) and collects its output. */
export function runAgentVia(prefix: string[], input: string, timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): Promise<Transcript> {
  return new Promise((resolve, reject) => {
    const argv = [...prefix, process.execPath, AGENT, 'serve'];
    const child = spawn(argv[0], argv.slice(1), { env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('agent did not exit'));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.split('\n').filter(Boolean);
      const lang = /"lang":"en"/.test(input.slice(0, 4096)) ? 'en' : 'fr';
      try {
        resolve({ lines, events: lines.map((l) => JSON.parse(l)), code, stderr: err, lang });
      } catch (e) {
        reject(new Error(`${(e as Error).message}: ${out} ${err}`));
      }
    });
    child.stdin.end(input);
  });
}

/** Builds a run request line for one critère. */
export function request(checks: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ event: 'run', protocol: 1, runId: 't', criteria: [{ id: 'c', checks }], ...extra }) + '\n';
}

/**
 * Results of a transcript; asserts every line is valid protocol (golden transcript rule), then words each reason as
 * the client's session does (results and fatal lines get their `message` in the request's language).
 */
export function results(t: Transcript): Array<Record<string, any>> {
  for (const e of t.events) {
    const errors = validate('protocol.schema.json#/$defs/AgentEvent', e);
    if (errors.length) throw new Error(`invalid protocol line ${JSON.stringify(e)}: ${JSON.stringify(errors[0])}`);
    if (e.reason) e.message = renderReason(t.lang ?? 'fr', e.reason as Reason);
  }
  return t.events.filter((e) => e.event === 'result') as Array<Record<string, any>>;
}

/** The result of a given property (first match). */
export function prop(rs: Array<Record<string, any>>, property: string, checkIndex = 0): Record<string, any> {
  const r = rs.find((x) => x.property === property && x.checkIndex === checkIndex);
  if (!r) throw new Error(`no result for ${property} of check ${checkIndex}: ${JSON.stringify(rs)}`);
  return r;
}
