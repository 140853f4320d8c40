import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readConfigText } from './config-files';

/** One scheduled job: a crontab line or a systemd timer's calendar, at the file and line that declare it. */
export interface CronEntry {
  user: string;
  /** The five fields or the @macro, whitespace collapsed; for a timer its OnCalendar= (or OnBootSec=… ) value. */
  schedule: string;
  command: string;
  path: string;
  line: number;
  /** The timer unit's name (`backup.timer`) for a systemd timer. */
  timer?: string;
}

/** Every job found, and the places that could not be read (user crontabs need root). */
export interface CronTable {
  entries: CronEntry[];
  unreadable: Array<{ path: string; error: string }>;
}

/** Where cron jobs and timers are read from; tests point them at a temp root. */
export interface CronPaths {
  cronSpool: string;
  crontab: string;
  cronD: string;
  unitDirs: string[];
}

/**
 * Parses a crontab. A user's crontab (`owner` given) has no user field; /etc/crontab and /etc/cron.d files have one
 * after the schedule. Environment lines (`MAILTO=…`) and comments are no jobs.
 */
export function parseCrontab(text: string, path: string, owner?: string): CronEntry[] {
  const out: CronEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(t)) return;
    const words = t.split(/\s+/);
    const n = words[0].startsWith('@') ? 1 : 5;
    const user = owner ?? words[n];
    const rest = owner ? n : n + 1;
    if (words.length <= rest || user === undefined) return;
    // The command keeps its own spacing: cut the line after the schedule (and user) words.
    let at = 0;
    for (let w = 0; w < rest; w++) at = t.indexOf(words[w], at) + words[w].length;
    out.push({ user, schedule: words.slice(0, n).join(' '), command: t.slice(at).trim(), path, line: i + 1 });
  });
  return out;
}

/** The settings of one section of a systemd unit file, each with its line. */
export function unitSettings(text: string, section: string): Array<{ key: string; value: string; line: number }> {
  const out: Array<{ key: string; value: string; line: number }> = [];
  let current = '';
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    const head = /^\[(.+)\]$/.exec(t);
    if (head) {
      current = head[1];
      return;
    }
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(t);
    if (m && current === section) out.push({ key: m[1], value: m[2], line: i + 1 });
  });
  return out;
}

/** A unit file's path and text; `where` maps each unit name to its first file along the unit path (/etc overrides /lib). */
async function unitFile(name: string, where: Map<string, string>, signal: AbortSignal): Promise<{ path: string; text: string } | null> {
  const path = where.get(name);
  if (!path) return null;
  const r = await readConfigText(path, signal);
  return 'text' in r ? { path, text: r.text } : null;
}

/** A timer's jobs: one per OnCalendar= or monotonic setting, running its service's ExecStart as its User=. */
async function timerEntries(name: string, where: Map<string, string>, signal: AbortSignal): Promise<CronEntry[]> {
  const timer = await unitFile(name, where, signal);
  if (!timer) return [];
  const settings = unitSettings(timer.text, 'Timer');
  const unit = settings.find((s) => s.key === 'Unit')?.value ?? name.replace(/\.timer$/, '.service');
  const service = await unitFile(unit, where, signal);
  const svc = service ? unitSettings(service.text, 'Service') : [];
  const command = svc.find((s) => s.key === 'ExecStart')?.value.replace(/^[-@:+!]+/, '') ?? '';
  const user = svc.find((s) => s.key === 'User')?.value ?? 'root';
  return settings
    .filter((s) => s.key === 'OnCalendar' || /^On[A-Za-z]+Sec$/.test(s.key))
    .map((s) => ({
      user,
      schedule: s.key === 'OnCalendar' ? s.value.trim() : `${s.key}=${s.value.trim()}`,
      command,
      path: timer.path,
      line: s.line,
      timer: name,
    }));
}

/** Reads user crontabs, /etc/crontab, /etc/cron.d and systemd timer units. */
export async function readCron(paths: CronPaths, signal: AbortSignal): Promise<CronTable> {
  const table: CronTable = { entries: [], unreadable: [] };
  const add = async (path: string, owner?: string): Promise<void> => {
    const r = await readConfigText(path, signal);
    if ('text' in r) table.entries.push(...parseCrontab(r.text, path, owner));
    else if (r.error !== 'ENOENT') table.unreadable.push({ path, error: r.error });
  };
  const list = async (dir: string): Promise<string[]> =>
    readdir(dir).then(
      (n) => n.sort(),
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') table.unreadable.push({ path: dir, error: e.code ?? e.message });
        return [];
      },
    );
  for (const user of await list(paths.cronSpool)) await add(join(paths.cronSpool, user), user);
  await add(paths.crontab);
  // run-parts skips names with dots or other characters outside [A-Za-z0-9_-]: cron ignores them too.
  for (const name of (await list(paths.cronD)).filter((n) => /^[A-Za-z0-9_-]+$/.test(n))) await add(join(paths.cronD, name));
  // Each unit folder is listed once; a unit is then read from the first folder that has it, timers in parallel.
  const listings = await Promise.all(paths.unitDirs.map((dir) => readdir(dir).catch(() => [] as string[])));
  const where = new Map<string, string>();
  listings.forEach((names, i) => names.forEach((n) => where.has(n) || where.set(n, join(paths.unitDirs[i], n))));
  const timers = [...where.keys()].filter((n) => n.endsWith('.timer')).sort();
  for (const entries of await Promise.all(timers.map((name) => timerEntries(name, where, signal)))) table.entries.push(...entries);
  return table;
}
