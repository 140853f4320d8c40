import { lstat, readdir, readFile } from 'node:fs/promises';
import { isDir, type ServiceProbe, type ServiceState } from './service';
import { readBounded } from './read-bounded';

/** USER_HZ: the unit of /proc/<pid>/stat times on every Linux architecture the agent targets. */
const CLOCK_TICKS = 100;
/** The runlevels a Debian-style system boots into (2 to 5). */
const RUNLEVELS = ['2', '3', '4', '5'];

/** Pid files an init script names: `--pidfile /run/x.pid`, `PIDFILE=/run/x.pid`, `-p /run/x.pid` (no variables). */
export function pidFilesOf(script: string): string[] {
  const found = [...script.matchAll(/(?:--pidfile[= ]+|PIDFILE=["']?|\s-p\s+)(\/[^\s"'$;|&)]+)/g)].map((m) => m[1]);
  return [...new Set(found)];
}

/** Seconds since the process started, from /proc/<pid>/stat (field 22, after the parenthesised name) and /proc/uptime. */
export async function runningSeconds(proc: string, pid: number): Promise<number | null> {
  try {
    const [st, uptime] = await Promise.all([readFile(`${proc}/${pid}/stat`, 'utf8'), readFile(`${proc}/uptime`, 'utf8')]);
    const fields = st.slice(st.lastIndexOf(')') + 2).split(' ');
    const started = Number(fields[19]) / CLOCK_TICKS;
    return Math.max(0, Math.floor(Number(uptime.split(' ')[0]) - started));
  } catch {
    return null;
  }
}

/** A pid from a pid file whose process is alive in /proc, or undefined. */
async function livePid(path: string, proc: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const pid = Number(text.trim().split(/\s/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return (await isDir(`${proc}/${pid}`)) ? pid : undefined;
}

/**
 * SysV init scripts (Debian without systemd, containers): a service is its /etc/init.d script; enabled when an
 * `S??<name>` link sits in /etc/rc2.d to rc5.d; running when the pid file its script names (else /run/<name>.pid)
 * holds a live pid, or, lacking any pid file, when a process named `<name>` or `<name>d` runs. No script is run.
 */
export function sysvProbe(root: string, proc: string, processNamed: (comm: string) => Promise<number[]>): ServiceProbe {
  return {
    init: 'sysv',
    present: () => isDir(`${root}/etc/init.d`),
    state: async (name, signal): Promise<ServiceState> => {
      const source = `${root}/etc/init.d/${name}`;
      const script = await readBounded(source, 256 * 1024, signal);
      if (script.kind !== 'text') return { source, running: false, enabled: false, masked: null, activeSeconds: null };
      const links = await Promise.all(RUNLEVELS.map((l) => readdir(`${root}/etc/rc${l}.d`).catch(() => [] as string[])));
      const enabled = links.flat().some((f) => /^S\d\d/.test(f) && f.slice(3) === name);
      const pidFiles = [...pidFilesOf(script.text).map((p) => root + p), `${root}/run/${name}.pid`, `${root}/var/run/${name}.pid`];
      let pid: number | undefined;
      let anyPidFile = false;
      for (const file of pidFiles) {
        if (
          await lstat(file).then(
            () => true,
            () => false,
          )
        )
          anyPidFile = true;
        pid ??= await livePid(file, proc);
      }
      if (pid === undefined && !anyPidFile) pid = (await processNamed(name))[0] ?? (await processNamed(`${name}d`))[0];
      return { source, running: pid !== undefined, enabled, masked: null, activeSeconds: pid === undefined ? null : await runningSeconds(proc, pid) };
    },
  };
}
