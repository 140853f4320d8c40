import { readFileSync } from 'node:fs';
import { parsePasswd, parseGroups, type GroupEntry, type PasswdEntry } from './passwd';
import { listeners, type Listener } from './proc-net';
import { parseMounts, type Mount } from './mounts';
import { inBatchesOf, listNames, readDetails, type ProcessInfo } from './processes';
import { readKernelParam, type KernelParam } from './kernel-param';
import { showUnit, showUnits, systemdBooted, type UnitState } from './service-systemd';
import { fetchHttp, type HttpOutcome, type HttpRequest } from './http-client';
import { readInterface, type InterfaceFacts } from './net-interface';
import { readRoutes, type Route } from './routes';
import { reach, type Reach } from './reach';
import { askDns, type DnsOutcome, type DnsQuery } from './dns-client';
import { certificateFile, certificateRemote, privateKeyMatches, type CertOutcome, type KeyOutcome } from './tls-cert';
import { readCron, type CronTable } from './cron';
import { connectionSpec, readConfig, type ConfigFormat, type ConfigRead, type SshdConnection } from './config-key';
import { runValidator, type Validator, type ValidatorArgs } from './config-test';
import type { ToolRun } from './run-tool';
import { logFolderMarks, logMark, readLog, sendLog, type LogRead, type LogSource, type LogTrigger, type SendOutcome } from './logs';
import { mountUsage } from './statfs';
import { detectFirewall, type FirewallFacts } from './firewall';
import { snmpQuery, type SnmpOutcome, type SnmpRequest } from './snmp';
import { ldapSearch, type LdapOutcome, type LdapSearch } from './ldap';
import { sqlQuery, type SqlOutcome, type SqlQuery } from './sql';
import { parseShadow, type ShadowEntry } from './shadow';
import { detectPackages, dpkgProbe, rpmProbe, type PackageDb } from './package';
import { detectServices, systemdProbe, type ServiceProbe } from './service';
import { openrcProbe } from './service-openrc';
import { sysvProbe } from './service-sysv';

/** Paths the system facts come from; tests point them at fixtures. */
export interface SystemPaths {
  passwd: string;
  group: string;
  dpkgStatus: string;
  procNet: string;
  mounts: string;
  /** The proc root listing processes. */
  proc: string;
  /** The kernel parameters' root. */
  procSys: string;
  /** Present as a directory when systemd is PID 1 (sd_booted). */
  systemdRun: string;
  /** Users' crontabs (root only), the system crontab and its drop-in folder. */
  cronSpool: string;
  crontab: string;
  cronD: string;
  /** systemd unit folders, the first holding a name winning (/etc overrides /lib). */
  unitDirs: string[];
  /** Syslog files tried in order when a log check names none. */
  syslogFiles: string[];
  /** Password state (hashes, ageing): readable by root only. */
  shadow: string;
  /** The rpm database folder, present on Red Hat-family targets. */
  rpmDb: string;
  /** Prefix of the SysV and OpenRC trees (/etc/init.d, /etc/rc?.d, /etc/runlevels, /run): empty on a real target. */
  initRoot: string;
}

const DEFAULT_PATHS: SystemPaths = {
  passwd: '/etc/passwd',
  group: '/etc/group',
  dpkgStatus: '/var/lib/dpkg/status',
  procNet: '/proc/net',
  mounts: '/proc/self/mounts',
  proc: '/proc',
  procSys: '/proc/sys',
  systemdRun: '/run/systemd/system',
  cronSpool: '/var/spool/cron/crontabs',
  crontab: '/etc/crontab',
  cronD: '/etc/cron.d',
  unitDirs: ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'],
  syslogFiles: ['/var/log/syslog', '/var/log/messages'],
  shadow: '/etc/shadow',
  rpmDb: '/var/lib/rpm',
  initRoot: '',
};

/** Facts about the target, each read lazily on first use and shared by every check of a run. */
export interface System {
  readonly paths: SystemPaths;
  /** A System that reads every fact again: a retried check must see the state converge, not the first look. */
  fresh(): System;
  /** /etc/passwd entries, in file order. */
  passwd(): Promise<PasswdEntry[]>;
  /** /etc/group entries, in file order. */
  groups(): Promise<GroupEntry[]>;
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
  /** A network interface from /sys/class/net and the kernel's address list, once per name. */
  netInterface(name: string, signal: AbortSignal): Promise<InterfaceFacts>;
  /** The main routing table of a family, from /proc/net/route or /proc/net/ipv6_route, once per run. */
  routes(family: 'ipv4' | 'ipv6'): Promise<Route[]>;
  /** Whether host:port answers over tcp or udp within a window (not cached). */
  reach(protocol: 'tcp' | 'udp', host: string, port: number, windowMs: number, signal: AbortSignal): Promise<Reach>;
  /** One DNS question (not cached: each check asks its server). */
  dns(query: DnsQuery, signal: AbortSignal): Promise<DnsOutcome>;
  /** The first certificate of a PEM file, once per path. */
  certificateFile(path: string, signal: AbortSignal): Promise<CertOutcome>;
  /** The certificate a TLS endpoint presents (not cached). */
  certificateRemote(host: string, port: number, serverName: string | undefined, windowMs: number, signal: AbortSignal): Promise<CertOutcome>;
  /** Whether the private key in a PEM file matches a certificate. */
  privateKeyMatches(certPem: string, keyPath: string, signal: AbortSignal): Promise<KeyOutcome>;
  /** Cron jobs and systemd timers, read once per run. */
  cron(signal: AbortSignal): Promise<CronTable>;
  /** One configuration's settings (with sshd -T / nginx -T where the daemon has a dump), once per format, path and sshd connection. */
  config(format: ConfigFormat, path: string | undefined, signal: AbortSignal, connection?: SshdConnection): Promise<ConfigRead>;
  /** Runs a daemon's configuration validator (each check runs its own). */
  validate(tool: Validator, args: ValidatorArgs, signal: AbortSignal): Promise<ToolRun>;
  /** When the run started (ms since the epoch): log lines older than this are not the run's. */
  readonly startedAt: number;
  /** A log file's size when the run first looked at it: reads start there. */
  logMark(path: string): Promise<number>;
  /** A log folder's files and their sizes when the run first looked at it (null when the path is no folder). */
  logFolderMarks(path: string): Promise<Record<string, number> | null>;
  /** The syslog file read when a log check names none (the first of paths.syslogFiles that exists). */
  logDefaultFile(): Promise<string>;
  /** New lines of a log source (not cached: checks poll it). */
  logRead(source: LogSource, signal: AbortSignal): Promise<LogRead>;
  /** Sends a message with logger(1). */
  logSend(trigger: LogTrigger, signal: AbortSignal): Promise<SendOutcome>;
  /** Percent of space used on the file system mounted at a path (statfs), once per path. */
  mountUsage(mountPoint: string): Promise<number>;
  /** The firewall ruleset from the tool in charge (ufw, nft, iptables), detected and read once per run. */
  firewall(signal: AbortSignal): Promise<FirewallFacts>;
  /** An SNMP GET or WALK from the target (not cached: each check asks its agent). */
  snmp(request: SnmpRequest, signal: AbortSignal): Promise<SnmpOutcome>;
  /** An LDAP search with ldapsearch (not cached: directories change during an exercise). */
  ldapSearch(search: LdapSearch, signal: AbortSignal): Promise<LdapOutcome>;
  /** A query with psql or mariadb/mysql (not cached). */
  sql(query: SqlQuery, signal: AbortSignal): Promise<SqlOutcome>;
  /** /etc/shadow entries, in file order; rejects with EACCES when the agent is not root. */
  shadow(): Promise<ShadowEntry[]>;
  /** The installed packages from the target's manager (dpkg, else rpm), detected once per run; null without either. */
  packages(): Promise<PackageDb | null>;
  /** The init system's service probe (systemd, else OpenRC, else SysV scripts), detected once per run; null without one. */
  services(): Promise<ServiceProbe | null>;
  /**
   * Asks systemd for several units at once (one `systemctl show` for all, when systemd runs), for unit() to answer from;
   * a unit the batch cannot answer is asked alone. Optional: a System without it asks per unit.
   */
  prefetchUnits?(names: string[]): void;
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

/** Like once(), for a read taking the first caller's signal; an aborted read is forgotten so a later check reads again. */
function onceAbortable<T>(read: (signal: AbortSignal) => Promise<T>): (signal: AbortSignal) => Promise<T> {
  let cached: Promise<T> | undefined;
  return (signal) => {
    const p = (cached ??= read(signal));
    void p.then(
      () => {
        if (signal.aborted && cached === p) cached = undefined;
      },
      () => {
        if (cached === p) cached = undefined;
      },
    );
    return p;
  };
}

/** Builds the per-run System: nothing is read until a check asks. */
export function createSystem(overrides: Partial<SystemPaths> = {}): System {
  const paths = { ...DEFAULT_PATHS, ...overrides };
  const startedAt = Date.now();
  // An aborted read is a rejection, so it is forgotten and the next check reads again.
  const config = oncePerKey((_key: string, format: ConfigFormat, path: string | undefined, signal: AbortSignal, connection?: SshdConnection) =>
    readConfig(format, path, signal, connection).then((r) => (r.kind === 'aborted' ? Promise.reject(new Error('aborted')) : r)),
  );
  // System databases (/etc/passwd, /etc/group, /proc/self/mounts…) are small local files read once per run: one
  // synchronous read beats the thread pool's round trips queued behind other checks' reads. Errors still reject.
  const text = async (path: string): Promise<string> => readFileSync(path, 'utf8');
  const tcp = once(() => listeners('tcp', paths.procNet));
  const udp = once(() => listeners('udp', paths.procNet));
  const names = once(() => listNames(paths.proc));
  const details = oncePerKey((pid: string, p: { pid: number; comm: string }) => readDetails(paths.proc, p));
  // Units a run-wide `systemctl show` was asked for (prefetchUnits): unit() waits for it, else asks alone.
  const unitBatch = new Map<string, Promise<UnitState | undefined>>();
  const unit = oncePerKey(async (name, signal: AbortSignal) => (await unitBatch.get(name)) ?? showUnit(name, signal));
  const systemd = once(() => systemdBooted(paths.systemdRun));
  const pidsNamed = async (comm: string): Promise<number[]> => (await names()).filter((p) => p.comm === comm).map((p) => p.pid);
  return {
    paths,
    fresh: () => createSystem(overrides),
    passwd: once(async () => parsePasswd(await text(paths.passwd))),
    groups: once(async () => parseGroups(await text(paths.group))),
    listeners: (protocol) => (protocol === 'tcp' ? tcp() : udp()),
    mounts: once(async () => parseMounts(await text(paths.mounts))),
    processes: async (comm) => {
      const chosen = (await names()).filter((p) => comm === undefined || p.comm === comm);
      return inBatchesOf(chosen, (p) => details(String(p.pid), p));
    },
    kernelParam: oncePerKey((key) => readKernelParam(key, paths.procSys)),
    systemd,
    unit,
    http: fetchHttp,
    netInterface: oncePerKey((name, signal: AbortSignal) => readInterface(name, signal)),
    routes: oncePerKey((family) => readRoutes(family as 'ipv4' | 'ipv6', paths.procNet)),
    reach,
    dns: askDns,
    certificateFile: oncePerKey((path, signal: AbortSignal) => certificateFile(path, signal)),
    certificateRemote,
    privateKeyMatches,
    // Shared by every cron check: no single check's deadline may cut it short (it reads small files only).
    cron: once(() => readCron(paths, new AbortController().signal)),
    config: (format, path, signal, connection) =>
      config(`${format}\0${path ?? ''}\0${connection ? connectionSpec(connection) : ''}`, format, path, signal, connection),
    validate: runValidator,
    startedAt,
    logMark: oncePerKey((path) => logMark(path)),
    logFolderMarks: oncePerKey((path) => logFolderMarks(path)),
    logDefaultFile: once(async () => {
      for (const f of paths.syslogFiles)
        if (
          await logMark(f).then(
            (size) => size > 0,
            () => true,
          )
        )
          return f;
      return paths.syslogFiles[0];
    }),
    logRead: readLog,
    logSend: sendLog,
    mountUsage: oncePerKey((mountPoint) => mountUsage(mountPoint)),
    firewall: onceAbortable(detectFirewall),
    snmp: snmpQuery,
    ldapSearch,
    sql: sqlQuery,
    shadow: once(async () => parseShadow(await text(paths.shadow))),
    packages: once(() => detectPackages([dpkgProbe(paths.dpkgStatus), rpmProbe(paths.rpmDb)])),
    services: once(() => detectServices([systemdProbe(paths.systemdRun, unit), openrcProbe(paths.initRoot), sysvProbe(paths.initRoot, paths.proc, pidsNamed)])),
    prefetchUnits: (names) => {
      const fresh = [...new Set(names)].filter((n) => !unitBatch.has(n));
      if (fresh.length < 2) return;
      const batch = systemd()
        .then((booted) => (booted ? showUnits(fresh) : undefined))
        .catch(() => undefined);
      for (const name of fresh)
        unitBatch.set(
          name,
          batch.then((states) => states?.get(name)),
        );
    },
  };
}
