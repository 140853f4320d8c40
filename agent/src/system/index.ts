import { readFile } from 'node:fs/promises';
import { parsePasswd, parseGroups, type GroupEntry, type PasswdEntry } from './passwd';
import { parseDpkgStatus } from './package-deb';
import { listeners, type Listener } from './proc-net';
import { parseMounts, type Mount } from './mounts';

/** Paths the system facts come from; tests point them at fixtures. */
export interface SystemPaths { passwd: string; group: string; dpkgStatus: string; procNet: string; mounts: string }

const DEFAULT_PATHS: SystemPaths = {
  passwd: '/etc/passwd', group: '/etc/group', dpkgStatus: '/var/lib/dpkg/status', procNet: '/proc/net', mounts: '/proc/self/mounts',
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
  return {
    paths,
    passwd: once(async () => parsePasswd(await text(paths.passwd))),
    groups: once(async () => parseGroups(await text(paths.group))),
    dpkg: once(async () => {
      const status = await text(paths.dpkgStatus).catch(() => null);
      return status === null ? null : parseDpkgStatus(status);
    }),
    listeners: (protocol) => (protocol === 'tcp' ? tcp() : udp()),
    mounts: once(async () => parseMounts(await text(paths.mounts))),
  };
}
