import { close, closeSync, open, openSync, read, readdirSync, readSync } from 'node:fs';

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
const commBuffer = Buffer.allocUnsafe(COMM_READ);

/**
 * One process's command name in three system calls (open, read, close), synchronously: the kernel answers from the
 * task itself without a lock that can be held for long (unlike cmdline), and a listing is a few hundred such reads,
 * each of which would otherwise be a thread-pool round trip competing with every other check's reads.
 */
function readComm(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, commBuffer, 0, COMM_READ, null);
    return commBuffer.toString('utf8', 0, n).replace(/\n$/, '');
  } finally {
    closeSync(fd);
  }
}

/** Smallest read of a /proc text file: most cmdline and status files fit in one. */
const PROC_READ = 4096;

/**
 * A /proc text file in open, read(s), close: readFile adds an fstat and a buffer sized for the reported size (0 here).
 * Asynchronous: reading cmdline takes the process's memory lock, which a process stuck in a page fault can hold.
 */
function readProcText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (err, fd) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      const next = (): void => {
        const buffer = Buffer.allocUnsafe(PROC_READ);
        read(fd, buffer, 0, PROC_READ, null, (readErr, n) => {
          if (readErr || n === 0) {
            close(fd, () => (readErr ? reject(readErr) : resolve(Buffer.concat(chunks).toString('utf8'))));
            return;
          }
          chunks.push(buffer.subarray(0, n));
          next();
        });
      };
      next();
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
 * Every process's name (one read per pid, synchronous: see readComm); rejects only when /proc cannot be listed or a
 * name cannot be read. A process that ended between the listing and the read (ENOENT/ESRCH) is gone, not a probe failure.
 */
export async function listNames(root = '/proc'): Promise<ProcessName[]> {
  const out: ProcessName[] = [];
  for (const d of readdirSync(root)) {
    if (!/^\d+$/.test(d)) continue;
    try {
      out.push({ pid: Number(d), comm: readComm(`${root}/${d}/comm`) });
    } catch (e) {
      if (!gone(e)) throw e;
    }
  }
  return out;
}

/** Arguments and uid of one named process; undefined when it ended meanwhile (or is a kernel thread without status). */
export async function readDetails(root: string, p: ProcessName): Promise<ProcessInfo | undefined> {
  try {
    const [cmdline, status] = await Promise.all([readProcText(`${root}/${p.pid}/cmdline`), readProcText(`${root}/${p.pid}/status`)]);
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
