import { readFile } from 'node:fs/promises';
import { parsePasswd, parseGroups, type GroupEntry, type PasswdEntry } from './passwd';
import { parseDpkgStatus } from './package-deb';
import { listeners, type Listener } from './proc-net';
import { parseMounts, type Mount } from './mounts';
import { inBatchesOf, listNames, readDetails, type ProcessInfo } from './processes';
import { readKernelParam, type KernelParam } from './kernel-param';
import { showUnit, systemdBooted, type UnitState } from './service-systemd';
import { fetchHttp, type HttpOutcome, type HttpRequest } from './http-client';
import { parseShadow, type ShadowEntry } from './shadow';
import { detectPackages, dpkgProbe, rpmProbe, type PackageDb } from './package';
import { detectServices, systemdProbe, type ServiceProbe } from './service';
import { openrcProbe } from './service-openrc';
import { sysvProbe } from './service-sysv';

/** Paths the system facts come from; tests point them at fixtures. */
export interface SystemPaths {
  passwd: string; group: string; dpkgStatus: string; procNet: string; mounts: string;
  /** The proc root listing processes. */
  proc: string;
  /** The kernel parameters' root. */
  procSys: string;
  /** Present as a directory when systemd is PID 1 (sd_booted). */
  systemdRun: string;
  /** Password state (hashes, ageing): readable by root only. */
  shadow: string;
  /** The rpm database folder, present on Red Hat-family targets. */
  rpmDb: string;
  /** Prefix of the SysV and OpenRC trees (/etc/init.d, /etc/rc?.d, /etc/runlevels, /run): empty on a real target. */
  initRoot: string;
}

const DEFAULT_PATHS: SystemPaths = {
  passwd: '/etc/passwd', group: '/etc/group', dpkgStatus: '/var/lib/dpkg/status', procNet: '/proc/net', mounts: '/proc/self/mounts',
  proc: '/proc', procSys: '/proc/sys', systemdRun: '/run/systemd/system', shadow: '/etc/shadow', rpmDb: '/var/lib/rpm', initRoot: '',
};

/** Facts about the target, each read lazily on first use and shared by every check of a run. */
export interface System {
  readonly paths: SystemPaths;
  /** /etc/passwd entries, in file order. */
  passwd(): Promise<PasswdEntry[]>;
  /** /etc/group entries, in file order. */
  groups(): Promise<GroupEntry[]>;
  /** Installed versions per package name from the dpkg status database; null without dpkg. */
  dpkg(): Promise<Map<string, string[]> | null>;
  /** Listening tcp sockets or bound udp sockets, IPv4 and IPv6. */
  listeners(protocol: 'tcp' | 'udp'): Promise<Listener[]>;
  /** Mounted file systems. */
  mounts(): Promise<Mount[]>;
  /**
   * Every process named `comm` (every process without it). Names come from one pass over /proc/<pid>/comm per run;
   * cmdline and status are read once per run for the processes a check names, not for all.
   */
  processes(comm?: string): Promise<ProcessInfo[]>;
  /** One kernel parameter from /proc/sys, read once per key. */
  kernelParam(key: string): Promise<KernelParam>;
  /** Whether systemd is the init system (PID 1). */
  systemd(): Promise<boolean>;
  /** A unit's state from one `systemctl show`, once per unit; only asked when systemd() is true. */
  unit(name: string, signal: AbortSignal): Promise<UnitState>;
  /** An HTTP(S) exchange from the target (not cached: each check makes its own request). */
  http(request: HttpRequest, signal: AbortSignal): Promise<HttpOutcome>;
  /** /etc/shadow entries, in file order; rejects with EACCES when the agent is not root. */
  shadow(): Promise<ShadowEntry[]>;
  /** The installed packages from the target's manager (dpkg, else rpm), detected once per run; null without either. */
  packages(): Promise<PackageDb | null>;
  /** The init system's service probe (systemd, else OpenRC, else SysV scripts), detected once per run; null without one. */
  services(): Promise<ServiceProbe | null>;
}

/** Caches a lazy async read per key; a rejected read is forgotten so a later check may try again. */
function oncePerKey<A extends unknown[], T>(read: (key: string, ...rest: A) => Promise<T>): (key: string, ...rest: A) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key, ...rest) => {
    let p = cache.get(key);
    if (!p) {
      p = read(key, ...rest);
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  };
}

/** Caches a lazy async read as one promise: concurrent checks wait on the same read. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= read());
}

/** Builds the per-run System: nothing is read until a check asks. */
export function createSystem(overrides: Partial<SystemPaths> = {}): System {
  const paths = { ...DEFAULT_PATHS, ...overrides };
  const text = (path: string): Promise<string> => readFile(path, 'utf8');
  const tcp = once(() => listeners('tcp', paths.procNet));
  const udp = once(() => listeners('udp', paths.procNet));
  const names = once(() => listNames(paths.proc));
  const details = oncePerKey((pid: string, p: { pid: number; comm: string }) => readDetails(paths.proc, p));
  const unit = oncePerKey((name, signal: AbortSignal) => showUnit(name, signal));
  const pidsNamed = async (comm: string): Promise<number[]> => (await names()).filter((p) => p.comm === comm).map((p) => p.pid);
  return {
    paths,
    passwd: once(async () => parsePasswd(await text(paths.passwd))),
    groups: once(async () => parseGroups(await text(paths.group))),
    dpkg: once(async () => {
      // latin1: the fields kept (names, versions, status) are ASCII by dpkg's own rules, and the descriptions' UTF-8
      // would otherwise turn the whole 1 MB text into a two-byte string.
      const status = await readFile(paths.dpkgStatus, 'latin1').catch(() => null);
      return status === null ? null : parseDpkgStatus(status);
    }),
    listeners: (protocol) => (protocol === 'tcp' ? tcp() : udp()),
    mounts: once(async () => parseMounts(await text(paths.mounts))),
    processes: async (comm) => {
      const chosen = (await names()).filter((p) => comm === undefined || p.comm === comm);
      return inBatchesOf(chosen, (p) => details(String(p.pid), p));
    },
    kernelParam: oncePerKey((key) => readKernelParam(key, paths.procSys)),
    systemd: once(() => systemdBooted(paths.systemdRun)),
    unit,
    http: fetchHttp,
    shadow: once(async () => parseShadow(await text(paths.shadow))),
    packages: once(() => detectPackages([dpkgProbe(paths.dpkgStatus), rpmProbe(paths.rpmDb)])),
    services: once(() => detectServices([systemdProbe(paths.systemdRun, unit), openrcProbe(paths.initRoot), sysvProbe(paths.initRoot, paths.proc, pidsNamed)])),
  };
}
