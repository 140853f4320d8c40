import type { Transport } from '../core/transport';

/** Set by the bundle's first line (scripts/build.mjs): when the CLI's own code started to load. */
declare const __tssrLabT0: number | undefined;
/** Set by the launcher: whether V8's code cache served the bundle (hit, miss, off). */
declare const __tssrLabCodeCache: string | undefined;

/** Whether TSSR_LAB_TIMINGS asks for the phase breakdown on stderr. */
export const timingsEnabled = Boolean(process.env.TSSR_LAB_TIMINGS);

const marks = new Map<string, number>();
let agentChecksMs: number | undefined;

/** Records that a phase ended now (ms since the process started). The first mark wins. */
export function mark(phase: string): void {
  if (timingsEnabled && !marks.has(phase)) marks.set(phase, process.uptime() * 1000);
}

/** Wraps a transport so the run records when the agent starts and ends, and the checks' own time from its summary. */
export function timedTransport(inner: Transport): Transport {
  if (!timingsEnabled) return inner;
  return {
    label: inner.label,
    dispose: () => inner.dispose(),
    async runAgent(requestLine, onData, signal, lang) {
      mark('prepare');
      const exit = await inner.runAgent(
        requestLine,
        (chunk) => {
          const m = /"event":"summary".*?"durationMs":(\d+(?:\.\d+)?)/.exec(chunk);
          if (m) agentChecksMs = Number(m[1]);
          onData(chunk);
        },
        signal,
        lang,
      );
      mark('agent');
      return exit;
    },
  };
}

/**
 * One stderr line, e.g. `tssr-lab timings (ms): node=38.2 bundle=21.0 load=30.5 prepare=0.8 agent=160.3 report=1.2
 * total=252.0 checks=95 overhead=91.7 codeCache=hit`: node = Node's own start, bundle = loading cli.js, load = parse + validate,
 * prepare = request and client-side checks, agent = the agent process (its checks alone: checks), report = output.
 * overhead = total minus the agent process.
 */
export function timingsLine(): string {
  mark('report');
  const t0 = typeof __tssrLabT0 === 'number' ? __tssrLabT0 : 0;
  const parts: Array<[string, number]> = [['node', t0]];
  let prev = t0;
  for (const [phase, at] of marks) {
    parts.push([phase, at - prev]);
    prev = at;
  }
  const agent = parts.find(([p]) => p === 'agent')?.[1] ?? 0;
  parts.push(['total', prev]);
  if (agentChecksMs !== undefined) parts.push(['checks', agentChecksMs]);
  parts.push(['overhead', prev - agent]);
  const cache = typeof __tssrLabCodeCache === 'string' ? ` codeCache=${__tssrLabCodeCache}` : '';
  return `tssr-lab timings (ms): ${parts.map(([p, ms]) => `${p}=${ms.toFixed(1)}`).join(' ')}${cache}`;
}
