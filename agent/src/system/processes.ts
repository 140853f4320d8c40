import { readdir, readFile } from 'node:fs/promises';

/** One process, as /proc/<pid> shows it. */
export interface ProcessInfo { pid: number; comm: string; args: string[]; uid: number }

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

/** Reads one process; undefined when it ended between the listing and the read (or is a kernel thread without status). */
async function readProcess(root: string, pid: number): Promise<ProcessInfo | undefined> {
  try {
    const [comm, cmdline, status] = await Promise.all([
      readFile(`${root}/${pid}/comm`, 'utf8'), readFile(`${root}/${pid}/cmdline`, 'utf8'), readFile(`${root}/${pid}/status`, 'utf8'),
    ]);
    const uid = parseStatusUid(status);
    return uid === undefined ? undefined : { pid, comm: comm.replace(/\n$/, ''), args: parseCmdline(cmdline), uid };
  } catch (e) {
    // A process may exit at any time: ENOENT/ESRCH mean "gone", not a probe failure.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return undefined;
    throw e;
  }
}

/** Every process of the target's pid namespace; rejects only when /proc cannot be listed or a process cannot be read. */
export async function listProcesses(root = '/proc'): Promise<ProcessInfo[]> {
  const pids = (await readdir(root)).filter((d) => /^\d+$/.test(d)).map(Number);
  const out: ProcessInfo[] = [];
  // Small batches: a few hundred processes read in parallel would open a thousand descriptors at once.
  for (let i = 0; i < pids.length; i += 32) {
    const batch = await Promise.all(pids.slice(i, i + 32).map((pid) => readProcess(root, pid)));
    for (const p of batch) if (p) out.push(p);
  }
  return out;
}
