import type { CheckContext, Outcome } from '../../agent/src/context';
import type { System } from '../../agent/src/system';
import type { GroupEntry, PasswdEntry } from '../../agent/src/system/passwd';
import type { ProcessInfo } from '../../agent/src/system/processes';
import type { KernelParam } from '../../agent/src/system/kernel-param';
import type { UnitState } from '../../agent/src/system/service-systemd';
import type { HttpOutcome, HttpRequest } from '../../agent/src/system/http-client';
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
  listeners?: Listener[];
  shadow?: ShadowEntry[] | (() => Promise<ShadowEntry[]>);
  packages?: PackageDb | null | (() => Promise<PackageDb | null>);
  /** A non-systemd init's probe (SysV, OpenRC); with `systemd: true` the fake units answer through systemd's. */
  serviceProbe?: ServiceProbe;
}

const value = <T>(v: T | (() => Promise<T>) | undefined, fallback: T): Promise<T> => (typeof v === 'function' ? (v as () => Promise<T>)() : Promise.resolve(v ?? fallback));

/** A System answering from a table, for table-driven check tests; asking for a fact it lacks is an empty answer. */
export function fakeSystem(f: FakeFacts): System & { calls: string[] } {
  const calls: string[] = [];
  const system: System & { calls: string[] } = {
    calls,
    paths: { passwd: '/etc/passwd', group: '/etc/group', dpkgStatus: '', procNet: '', mounts: '', proc: '/proc', procSys: '/proc/sys', systemdRun: '', shadow: '/etc/shadow', rpmDb: '', initRoot: '' },
    passwd: async () => f.passwd ?? [],
    groups: () => value(f.groups, []),
    dpkg: async () => null,
    listeners: async (protocol) => (f.listeners ?? []).filter((l) => l.protocol === protocol),
    mounts: async () => [],
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
    shadow: () => value(f.shadow, []),
    packages: () => value(f.packages, null),
    services: async () => f.serviceProbe ?? (f.systemd ? { ...systemdProbe('', (name, signal) => system.unit(name, signal)), present: async () => true } : null),
  };
  return system;
}

/** Runs one check runner against a fake system and returns its outcomes as `property:status` plus the raw list. */
export async function runOn<C>(runner: (c: C, ctx: CheckContext) => Promise<void>, check: C, system: System, regex: RegexEngine): Promise<{ summary: string[]; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  const ctx: CheckContext = { cwd: '/', signal: new AbortController().signal, timeoutMs: 5000, report: (o) => outcomes.push(o), regex, system };
  await runner(check, ctx);
  return { summary: outcomes.map((o) => `${o.property}:${o.status}`), outcomes };
}
