import { dgram } from '../lazy';
import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool, type ToolRun } from './run-tool';

/** Lines read from a log since a mark, or why they could not be read. */
export type LogRead =
  { kind: 'lines'; lines: string[]; truncated: boolean; partial?: boolean } | { kind: 'failed'; error: string } | { kind: 'missingTool'; tool: string };

/**
 * Where log lines are read: the journal since a time (ms), a file from a byte offset, or every file of a folder from
 * its own offset (a file that appears later, e.g. rsyslog's one file per sending host, is read from its start).
 */
export type LogSource =
  { kind: 'journal'; sinceMs: number } | { kind: 'file'; path: string; from: number } | { kind: 'folder'; path: string; marks: Record<string, number> };

/** A message sent with logger(1), locally or to a remote syslog server. */
export interface LogTrigger {
  message: string;
  tag: string;
  priority: string;
  server?: { host: string; port: number; protocol: 'udp' | 'tcp' };
}

/** Most bytes of new log read per poll; past that, the newest bytes are kept. */
const MAX_LOG = 1024 * 1024;
/** Most journal entries read per poll. */
const MAX_ENTRIES = 5000;

/** A file's size now: where "since the run started" begins for it; 0 when it does not exist yet. */
export async function logMark(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 0 : Promise.reject(e)),
  );
}

/** Most files of a log folder read per poll (a folder of one file per host stays far below). */
const MAX_FOLDER_FILES = 200;

/** The regular files directly inside a folder with their sizes now, or null when the path is not a folder. */
export async function logFolderMarks(path: string): Promise<Record<string, number> | null> {
  const s = await stat(path).catch(() => null);
  if (!s?.isDirectory()) return null;
  const marks: Record<string, number> = {};
  for (const name of (await readdir(path)).sort().slice(0, MAX_FOLDER_FILES)) {
    const f = await stat(join(path, name)).catch(() => null);
    if (f?.isFile()) marks[name] = f.size;
  }
  return marks;
}

/** New lines of every regular file of a folder, each from its mark (0 for a file that was not there). */
async function readFolderSince(path: string, marks: Record<string, number>): Promise<LogRead> {
  const names = await readdir(path).catch((e: NodeJS.ErrnoException) => e);
  if (names instanceof Error) return { kind: 'failed', error: names.code ?? names.message };
  const lines: string[] = [];
  let truncated = false;
  for (const name of names.sort().slice(0, MAX_FOLDER_FILES)) {
    const f = await stat(join(path, name)).catch(() => null);
    if (!f?.isFile()) continue;
    const read = await readFileSince(join(path, name), marks[name] ?? 0);
    if (read.kind !== 'lines') return read;
    lines.push(...read.lines);
    truncated ||= read.truncated;
  }
  return { kind: 'lines', lines, truncated };
}

/** The lines written to a file after `from`, at most the last MiB of them; a file that shrank (rotated) is read from its start. */
export async function readFileSince(path: string, from: number): Promise<LogRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'lines', lines: [], truncated: false } : { kind: 'failed', error: code ?? String(e) };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) return { kind: 'failed', error: 'not a regular file' };
    const start = s.size < from ? 0 : from;
    const at = Math.max(start, s.size - MAX_LOG);
    const buffer = Buffer.alloc(s.size - at);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n').filter(Boolean);
    return { kind: 'lines', lines: at > start ? lines.slice(1) : lines, truncated: at > start };
  } finally {
    await handle.close();
  }
}

/** One journal entry as a syslog line: `identifier[pid]: message` (a binary MESSAGE comes as a byte array). */
export function journalLine(json: string, sinceMs = 0): string | null {
  try {
    const e = JSON.parse(json) as Record<string, unknown>;
    // journalctl --since has a one-second grain: an entry written just before the run, in the same second, is no line of it.
    if (typeof e.__REALTIME_TIMESTAMP === 'string' && Number(e.__REALTIME_TIMESTAMP) < sinceMs * 1000) return null;
    const raw = e.MESSAGE;
    const message = Array.isArray(raw) ? Buffer.from(raw as number[]).toString('utf8') : typeof raw === 'string' ? raw : '';
    const id = typeof e.SYSLOG_IDENTIFIER === 'string' ? e.SYSLOG_IDENTIFIER : '';
    const pid = typeof e._PID === 'string' ? `[${e._PID}]` : '';
    return id ? `${id}${pid}: ${message}` : message;
  } catch {
    return null;
  }
}

/** Journal entries since a time, newest MAX_ENTRIES, through `journalctl -o json`. */
export async function readJournal(sinceMs: number, signal: AbortSignal): Promise<LogRead> {
  const run = await runTool(['journalctl', '--no-pager', '-o', 'json', '-n', String(MAX_ENTRIES), `--since=@${Math.floor(sinceMs / 1000)}`], signal);
  if (run.kind === 'missing') return { kind: 'missingTool', tool: 'journalctl' };
  if (run.kind !== 'ran') return { kind: 'failed', error: run.kind === 'failed' ? run.error : 'aborted' };
  if (run.code !== 0) return { kind: 'failed', error: run.stderr.trim().slice(0, 300) || `exit ${run.code}` };
  const lines = run.stdout
    .split('\n')
    .map((l) => journalLine(l, sinceMs))
    .filter((l): l is string => l !== null);
  // Outside the adm and systemd-journal groups journalctl shows only the user's own entries, and says so.
  return { kind: 'lines', lines, truncated: run.truncated, partial: /not seeing messages from other users/i.test(run.stderr) };
}

/** Reads the new lines of a log source. */
export function readLog(source: LogSource, signal: AbortSignal): Promise<LogRead> {
  if (source.kind === 'journal') return readJournal(source.sinceMs, signal);
  return source.kind === 'folder' ? readFolderSince(source.path, source.marks) : readFileSince(source.path, source.from);
}

/**
 * Whether a UDP port answers "unreachable": an empty datagram (syslog servers drop it) on a connected socket draws
 * the ICMP error, which the next send reports. A filtered port stays silent, so this is no proof of a listener.
 */
export function udpRefused(host: string, port: number, waitMs = 150): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = dgram().createSocket(host.includes(':') ? 'udp6' : 'udp4');
    let settled = false;
    const end = (refused: boolean): void => {
      if (!settled) {
        settled = true;
        sock.close();
        resolve(refused);
      }
    };
    sock.on('error', (e: NodeJS.ErrnoException) => end(e.code === 'ECONNREFUSED'));
    sock.connect(port, host, () => {
      sock.send(Buffer.alloc(0), (e) => {
        if (e) return end((e as NodeJS.ErrnoException).code === 'ECONNREFUSED');
        setTimeout(() => {
          if (!settled) sock.send(Buffer.alloc(0), (e2) => end((e2 as NodeJS.ErrnoException | null)?.code === 'ECONNREFUSED'));
        }, waitMs);
      });
    });
  });
}

/** logger(1)'s argv for a trigger: `-n host -P port -d|-T` for a remote server. */
export function loggerArgv(t: LogTrigger): string[] {
  const remote = t.server ? ['-n', t.server.host, '-P', String(t.server.port), t.server.protocol === 'tcp' ? '-T' : '-d'] : [];
  return ['logger', '-t', t.tag, '-p', t.priority, ...remote, '--', t.message];
}

/** What sending a trigger did: sent, refused (no listener), or logger's own failure. */
export type SendOutcome =
  { kind: 'sent' } | { kind: 'refused' } | { kind: 'failed'; detail: string } | { kind: 'missingTool'; tool: string } | { kind: 'aborted' };

/** Sends a trigger message with logger; a remote UDP port is probed first, since logger cannot tell it is closed. */
export async function sendLog(t: LogTrigger, signal: AbortSignal): Promise<SendOutcome> {
  if (t.server?.protocol === 'udp' && (await udpRefused(t.server.host, t.server.port))) return { kind: 'refused' };
  const run: ToolRun = await runTool(loggerArgv(t), signal);
  if (run.kind === 'missing') return { kind: 'missingTool', tool: 'logger' };
  if (run.kind === 'aborted') return run;
  if (run.kind === 'failed') return { kind: 'failed', detail: run.error };
  if (run.code === 0) return { kind: 'sent' };
  const detail = run.stderr.trim().slice(0, 300);
  // logger -T says "failed to connect" when nothing listens on the TCP port.
  return t.server && /connect|refused/i.test(detail) ? { kind: 'refused' } : { kind: 'failed', detail };
}
