import { close, open, read } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/** One process, as /proc/<pid> shows it. */
export interface ProcessInfo {
  pid: number;
  comm: string;
  args: string[];
  uid: number;
}

/** Parses /proc/<pid>/cmdline: NUL-separated arguments, with a trailing NUL. */
export function parseCmdline(raw: string): string[] {
  const args = raw.split('\0');
  if (args[args.length - 1] === '') args.pop();
  return args;
}

/** The real uid from /proc/<pid>/status (`Uid:\treal\teffective\tsaved\tfs`). */
export function parseStatusUid(status: string): number | undefined {
  const m = /^Uid:\s+(\d+)/m.exec(status);
  return m ? Number(m[1]) : undefined;
}

/** Bytes read from /proc/<pid>/comm: the kernel keeps 15 (TASK_COMM_LEN - 1) plus a newline, so one read gets it all. */
const COMM_READ = 64;

/**
 * One process's command name in three system calls (open, read, close). readFile would add an fstat, an end-of-file
 * read and a 64 KB buffer per pid, since /proc reports size 0: most of a process listing's cost.
 */
function readComm(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (err, fd) => {
      if (err) return reject(err);
      const buffer = Buffer.allocUnsafe(COMM_READ);
      read(fd, buffer, 0, COMM_READ, null, (readErr, n) => {
        close(fd, () => (readErr ? reject(readErr) : resolve(buffer.toString('utf8', 0, n).replace(/\n$/, ''))));
      });
    });
  });
}

/** A process as the first, cheap pass sees it: its pid and command name. */
export interface ProcessName {
  pid: number;
  comm: string;
}

const gone = (e: unknown): boolean => ['ENOENT', 'ESRCH'].includes((e as NodeJS.ErrnoException).code ?? '');

/** Reads a few /proc files per item in small batches: a few hundred in parallel would open a thousand descriptors at once. */
export async function inBatchesOf<T, R>(items: T[], read: (item: T) => Promise<R | undefined>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 32) {
    const batch = await Promise.all(items.slice(i, i + 32).map(read));
    for (const r of batch) if (r !== undefined) out.push(r);
  }
  return out;
}

/**
 * Every process's name (one read per pid); rejects only when /proc cannot be listed or a name cannot be read.
 * A process that ended between the listing and the read (ENOENT/ESRCH) is gone, not a probe failure.
 */
export async function listNames(root = '/proc'): Promise<ProcessName[]> {
  const pids = (await readdir(root)).filter((d) => /^\d+$/.test(d)).map(Number);
  return inBatchesOf(pids, async (pid) => {
    try {
      return { pid, comm: await readComm(`${root}/${pid}/comm`) };
    } catch (e) {
      if (gone(e)) return undefined;
      throw e;
    }
  });
}

/** Arguments and uid of one named process; undefined when it ended meanwhile (or is a kernel thread without status). */
export async function readDetails(root: string, p: ProcessName): Promise<ProcessInfo | undefined> {
  try {
    const [cmdline, status] = await Promise.all([readFile(`${root}/${p.pid}/cmdline`, 'utf8'), readFile(`${root}/${p.pid}/status`, 'utf8')]);
    const uid = parseStatusUid(status);
    return uid === undefined ? undefined : { ...p, args: parseCmdline(cmdline), uid };
  } catch (e) {
    if (gone(e)) return undefined;
    throw e;
  }
}

/** Every process of the target's pid namespace, with arguments and uid, read now. */
export async function listProcesses(root = '/proc'): Promise<ProcessInfo[]> {
  return inBatchesOf(await listNames(root), (p) => readDetails(root, p));
}
