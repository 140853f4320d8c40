import type { LogCheck, Matcher } from '../../../schemas/generated/types';
import type { CheckContext, CheckRunner } from '../context';
import type { LogRead, LogSource, LogTrigger } from '../system/logs';
import { evaluate } from '../matchers/evaluate';
import { because, type Reason } from '../reason';

/** Time between two reads of the log while waiting for a triggered line. */
const POLL_MS = 200;
/** How long a triggered message may take to land when the check does not say. */
const DEFAULT_WINDOW_MS = 5000;

/** The first line satisfying the pattern, or an error from the matcher (a runaway regex). */
async function firstMatch(lines: string[], pattern: Matcher, ctx: CheckContext): Promise<{ line?: string; error?: Reason }> {
  // A regular expression goes to the regex worker once for the whole log: it answers with the index of the first
  // matching line (a multi-line journal message counts as one line).
  if (typeof pattern === 'object' && pattern !== null && 'matches' in pattern && typeof pattern.matches === 'string') {
    const text = lines.map((l) => l.replace(/\r?\n/g, ' ')).join('\n');
    const answer = await ctx.regex.test(pattern.matches, text, true, ctx.signal);
    if ('index' in answer) return answer.index >= 0 ? { line: lines[answer.index] } : {};
    const v = await evaluate(pattern, text, ctx);
    return v.error ? { error: v.error } : {};
  }
  for (const line of lines) {
    const v = await evaluate(pattern, line, ctx);
    if (v.error) return { error: v.error };
    if (v.ok) return { line };
  }
  return {};
}

/** Where to read: the given file, else the journal under systemd, else /var/log/syslog or /var/log/messages. */
async function sourceOf(c: LogCheck, ctx: CheckContext): Promise<{ source: LogSource; where: string }> {
  if (!c.path && (await ctx.system.systemd())) return { source: { kind: 'journal', sinceMs: ctx.system.startedAt }, where: 'journal' };
  const path = c.path ?? (await ctx.system.logDefaultFile());
  const marks = c.path ? await ctx.system.logFolderMarks(path) : null;
  if (marks) return { source: { kind: 'folder', path, marks }, where: path };
  return { source: { kind: 'file', path, from: await ctx.system.logMark(path) }, where: path };
}

/** Why a log could not be read, as a reason. */
function readProblem(read: Exclude<LogRead, { kind: 'lines' }>, where: string): Reason {
  if (read.kind === 'missingTool') return because('log.toolMissing', { tool: read.tool });
  return because(read.error === 'EACCES' ? 'log.needsRoot' : 'log.unreadable', { source: where, error: read.error });
}

/**
 * log: lines matching a pattern in the journal or a syslog file since the run started. With a trigger, a logger
 * message is sent first (locally or to a remote syslog server) and the check waits for it to land.
 */
export const log: CheckRunner<LogCheck> = async (c, ctx) => {
  const want = c.exists ?? true;
  const trigger: LogTrigger | undefined = c.trigger && {
    message: c.trigger.message,
    tag: c.trigger.tag ?? 'tssr-lab',
    priority: c.trigger.priority ?? 'user.notice',
    server: c.trigger.server && { host: c.trigger.server.host, port: c.trigger.server.port ?? 514, protocol: c.trigger.server.protocol ?? 'udp' },
  };
  // A plain text is looked for inside the lines, as with command output; without a pattern, the trigger's message.
  const raw = c.pattern ?? trigger?.message ?? '';
  const pattern: Matcher = typeof raw === 'string' ? { contains: raw } : raw;
  const report = (status: 'pass' | 'fail' | 'error', actual: unknown, reason: Reason, path?: string): void =>
    ctx.report({ property: 'found', status, expected: want, actual, reason, ...(path ? { path } : {}) });
  let where = '';
  try {
    const { source, where: w } = await sourceOf(c, ctx);
    where = w;
    if (trigger) {
      const sent = await ctx.system.logSend(trigger, ctx.signal);
      if (sent.kind === 'aborted') return;
      if (sent.kind === 'refused') return report('fail', null, because('log.noListener', { ...trigger.server }));
      if (sent.kind === 'missingTool') return report('error', null, because('log.toolMissing', { tool: sent.tool }));
      if (sent.kind === 'failed') return report('error', null, because('log.sendFailed', { detail: sent.detail }));
    }
    const deadline = Date.now() + (trigger ? (c.withinMs ?? DEFAULT_WINDOW_MS) : 0);
    for (;;) {
      const read = await ctx.system.logRead(source, ctx.signal);
      if (ctx.signal.aborted) return;
      if (read.kind !== 'lines') return report('error', null, readProblem(read, where));
      const m = await firstMatch(read.lines, pattern, ctx);
      if (m.error) return report('error', null, m.error);
      if (m.line !== undefined || Date.now() >= deadline || !want) {
        const found = m.line !== undefined;
        // A partial journal cannot prove a line absent: the fix is root (or the adm group), not the learner's setup.
        if (!found && read.partial) return report('error', null, because('log.needsRoot', { source: where, error: 'journal' }));
        const ok = found === want;
        const reason = ok
          ? because('pass', { property: 'found' })
          : !want
            ? because('log.unwantedLine', { pattern, source: where, line: m.line })
            : trigger
              ? because('log.notLanded', { pattern, source: where, withinMs: c.withinMs ?? DEFAULT_WINDOW_MS })
              : because('log.noLine', { pattern, source: where });
        return report(ok ? 'pass' : 'fail', m.line ?? null, reason, where === 'journal' ? undefined : where);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } catch (e) {
    if (ctx.signal.aborted) return;
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    report('error', null, because(code === 'EACCES' ? 'log.needsRoot' : 'log.unreadable', { source: where || c.path || null, error: code }));
  }
};
