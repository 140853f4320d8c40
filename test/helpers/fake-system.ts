import type { CheckContext, Outcome } from '../../agent/src/context';
import type { System } from '../../agent/src/system';
import type { GroupEntry, PasswdEntry } from '../../agent/src/system/passwd';
import type { ProcessInfo } from '../../agent/src/system/processes';
import type { KernelParam } from '../../agent/src/system/kernel-param';
import type { UnitState } from '../../agent/src/system/service-systemd';
import type { HttpOutcome, HttpRequest } from '../../agent/src/system/http-client';
import type { InterfaceFacts } from '../../agent/src/system/net-interface';
import type { Route } from '../../agent/src/system/routes';
import type { Reach } from '../../agent/src/system/reach';
import type { DnsOutcome, DnsQuery } from '../../agent/src/system/dns-client';
import type { CertOutcome, KeyOutcome } from '../../agent/src/system/tls-cert';
import type { CronTable } from '../../agent/src/system/cron';
import type { ConfigRead } from '../../agent/src/system/config-key';
import type { ToolRun } from '../../agent/src/system/run-tool';
import type { LogRead, SendOutcome } from '../../agent/src/system/logs';
import type { Mount } from '../../agent/src/system/mounts';
import { VALIDATORS } from '../../agent/src/system/config-test';
import type { FirewallFacts } from '../../agent/src/system/firewall';
import type { SnmpOutcome, SnmpRequest } from '../../agent/src/system/snmp';
import type { LdapOutcome, LdapSearch } from '../../agent/src/system/ldap';
import type { SqlOutcome, SqlQuery } from '../../agent/src/system/sql';
import type { Listener } from '../../agent/src/system/proc-net';
import type { ShadowEntry } from '../../agent/src/system/shadow';
import type { PackageDb } from '../../agent/src/system/package';
import { systemdProbe, type ServiceProbe } from '../../agent/src/system/service';
import { RegexEngine } from '../../agent/src/matchers/regex';

/** Facts a fake target holds; a function value lets a case make a probe fail. */
export interface FakeFacts {
  passwd?: PasswdEntry[];
  groups?: GroupEntry[] | (() => Promise<GroupEntry[]>);
  processes?: ProcessInfo[] | (() => Promise<ProcessInfo[]>);
  kernelParams?: Record<string, KernelParam>;
  systemd?: boolean;
  units?: Record<string, UnitState | Error>;
  http?: (req: HttpRequest) => HttpOutcome;
  interfaces?: Record<string, InterfaceFacts>;
  routes?: Route[] | (() => Promise<Route[]>);
  /** Keyed `tcp 10.0.0.1:22`; an address missing from the table is silent. */
  reach?: Record<string, Reach>;
  dns?: (q: DnsQuery) => DnsOutcome;
  /** Certificates by file path or by `host:port`. */
  certificates?: Record<string, CertOutcome>;
  /** Key checks by key path. */
  keys?: Record<string, KeyOutcome>;
  cron?: CronTable;
  /** Configurations by `format path` (path empty for the default). */
  configs?: Record<string, ConfigRead>;
  /** Validator runs by argv joined with spaces; a validator not listed is not installed. */
  validators?: Record<string, ToolRun>;
  /** Log lines written since the run started; a sent trigger's message lands when `lands` is true. */
  log?: { lines: string[] | LogRead; send?: SendOutcome; lands?: boolean };
  mounts?: Mount[];
  /** Percent used per mount point. */
  usage?: Record<string, number>;
  firewall?: FirewallFacts;
  snmp?: (req: SnmpRequest) => SnmpOutcome;
  ldap?: (search: LdapSearch) => LdapOutcome;
  sql?: (query: SqlQuery) => SqlOutcome;
  listeners?: Listener[];
  shadow?: ShadowEntry[] | (() => Promise<ShadowEntry[]>);
  packages?: PackageDb | null | (() => Promise<PackageDb | null>);
  /** A non-systemd init's probe (SysV, OpenRC); with `systemd: true` the fake units answer through systemd's. */
  serviceProbe?: ServiceProbe;
}

const value = <T>(v: T | (() => Promise<T>) | undefined, fallback: T): Promise<T> =>
  typeof v === 'function' ? (v as () => Promise<T>)() : Promise.resolve(v ?? fallback);

/** A System answering from a table, for table-driven check tests; asking for a fact it lacks is an empty answer. */
export function fakeSystem(f: FakeFacts): System & { calls: string[] } {
  const calls: string[] = [];
  const system: System & { calls: string[] } = {
    calls,
    // The fake's facts do not change: a retried check reads the same ones.
    fresh: () => system,
    paths: {
      passwd: '/etc/passwd',
      group: '/etc/group',
      dpkgStatus: '',
      procNet: '',
      mounts: '/proc/self/mounts',
      proc: '/proc',
      procSys: '/proc/sys',
      systemdRun: '',
      cronSpool: '/var/spool/cron/crontabs',
      crontab: '/etc/crontab',
      cronD: '/etc/cron.d',
      unitDirs: [],
      syslogFiles: ['/var/log/syslog'],
      shadow: '/etc/shadow',
      rpmDb: '',
      initRoot: '',
    },
    passwd: async () => f.passwd ?? [],
    groups: () => value(f.groups, []),
    listeners: async (protocol) => (f.listeners ?? []).filter((l) => l.protocol === protocol),
    mounts: async () => f.mounts ?? [],
    processes: () => value(f.processes, []),
    kernelParam: async (key) => f.kernelParams?.[key] ?? { kind: 'missing' },
    systemd: async () => f.systemd ?? false,
    unit: async (name) => {
      calls.push(`unit ${name}`);
      const u = f.units?.[name];
      if (u instanceof Error) throw u;
      return u ?? { unit: `${name}.service`, loadState: 'not-found', activeState: 'inactive', subState: 'dead', unitFileState: '', activeSeconds: null };
    },
    http: async (req) => {
      calls.push(`${req.method} ${req.url}`);
      return f.http ? f.http(req) : { kind: 'failed', url: req.url, error: 'ECONNREFUSED' };
    },
    netInterface: async (name) => f.interfaces?.[name] ?? { kind: 'missing' },
    routes: async (family) => (await value(f.routes, [])).filter((r) => r.family === family),
    reach: async (protocol, host, port, windowMs) => {
      calls.push(`reach ${protocol} ${host}:${port} ${windowMs}`);
      return f.reach?.[`${protocol} ${host}:${port}`] ?? { kind: 'silent' };
    },
    dns: async (q) => {
      calls.push(`dns ${q.recordType} ${q.name} @${q.server ?? ''} ${q.tries}x${q.tryTimeoutMs}`);
      return f.dns ? f.dns(q) : { kind: 'failed', code: 'ETIMEOUT' };
    },
    certificateFile: async (path) => f.certificates?.[path] ?? { kind: 'failed', error: 'ENOENT' },
    certificateRemote: async (host, port, serverName) => {
      calls.push(`tls ${host}:${port} ${serverName ?? ''}`);
      return f.certificates?.[`${host}:${port}`] ?? { kind: 'failed', error: 'ECONNREFUSED' };
    },
    privateKeyMatches: async (_pem, keyPath) => f.keys?.[keyPath] ?? { kind: 'failed', error: 'ENOENT' },
    cron: async () => f.cron ?? { entries: [], unreadable: [] },
    config: async (format, path) => {
      calls.push(`config ${format} ${path ?? ''}`);
      return f.configs?.[`${format} ${path ?? ''}`] ?? { kind: 'unreadable', path: path ?? '', error: 'ENOENT' };
    },
    validate: async (tool, args) => {
      const argv = VALIDATORS[tool].argv(args);
      calls.push(argv.join(' '));
      return f.validators?.[argv.join(' ')] ?? { kind: 'missing', tool: argv[0] };
    },
    startedAt: 0,
    logMark: async () => 0,
    logFolderMarks: async () => null,
    logDefaultFile: async () => '/var/log/syslog',
    logRead: async (source) => {
      calls.push(`read ${source.kind}`);
      const l = f.log?.lines ?? [];
      return Array.isArray(l) ? { kind: 'lines', lines: [...l], truncated: false } : l;
    },
    logSend: async (t) => {
      calls.push(`send ${t.message}`);
      const sent = f.log?.send ?? { kind: 'sent' };
      if (sent.kind === 'sent' && f.log?.lands && Array.isArray(f.log.lines)) f.log.lines.push(`${t.tag}: ${t.message}`);
      return sent;
    },
    mountUsage: async (m) => {
      const u = f.usage?.[m];
      if (u === undefined) throw Object.assign(new Error('no such mount'), { code: 'ENOENT' });
      return u;
    },
    firewall: async () => {
      calls.push('firewall');
      return f.firewall ?? { kind: 'noTool' };
    },
    snmp: async (req) => {
      calls.push(`snmp ${req.walk ? 'walk' : 'get'} ${req.oid}`);
      return f.snmp ? f.snmp(req) : { kind: 'timeout' };
    },
    ldapSearch: async (search) => {
      calls.push(`ldap ${search.base} ${search.filter}`);
      return f.ldap ? f.ldap(search) : { kind: 'noClient' };
    },
    sql: async (query) => {
      calls.push(`sql ${query.engine} ${query.query}`);
      return f.sql ? f.sql(query) : { kind: 'noClient', engine: query.engine };
    },
    shadow: () => value(f.shadow, []),
    packages: () => value(f.packages, null),
    services: async () =>
      f.serviceProbe ?? (f.systemd ? { ...systemdProbe('', (name, signal) => system.unit(name, signal)), present: async () => true } : null),
  };
  return system;
}

/** Runs one check runner against a fake system and returns its outcomes as `property:status` plus the raw list. */
export async function runOn<C>(
  runner: (c: C, ctx: CheckContext) => Promise<void>,
  check: C,
  system: System,
  regex: RegexEngine,
): Promise<{ summary: string[]; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  const ctx: CheckContext = { cwd: '/', signal: new AbortController().signal, timeoutMs: 5000, report: (o) => outcomes.push(o), regex, system };
  await runner(check, ctx);
  return { summary: outcomes.map((o) => `${o.property}:${o.status}`), outcomes };
}
