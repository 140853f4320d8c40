import { readFileSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { parseDpkgStatus } from './package-deb';
import { listRpm } from './package-rpm';

/** The package database of the target: which manager keeps it, and the installed versions per name. */
export interface PackageDb {
  manager: 'dpkg' | 'rpm';
  versions: Map<string, string[]>;
}

/** A way to read the installed packages (goss's system/package_*.go): tried in order by detectPackages. */
export interface PackageProbe {
  manager: PackageDb['manager'];
  /** Whether this target uses that manager (its database or its tool is present). */
  present(): Promise<boolean>;
  /** Installed versions per package name. */
  list(): Promise<Map<string, string[]>>;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** dpkg: the status database, parsed in place (no dpkg-query fork). */
export function dpkgProbe(statusPath: string): PackageProbe {
  return {
    manager: 'dpkg',
    present: () =>
      stat(statusPath).then(
        (s) => s.isFile(),
        () => false,
      ),
    // latin1: the fields kept are ASCII by dpkg's rules, and the descriptions' UTF-8 would double the text's size.
    // One synchronous read of a local file, once per run (about 1 MB: well under a millisecond).
    list: async () => parseDpkgStatus(readFileSync(statusPath, 'latin1')),
  };
}

/** rpm: one `rpm -qa` when the database folder or the tool exists. */
export function rpmProbe(dbPath: string, rpm = 'rpm'): PackageProbe {
  return {
    manager: 'rpm',
    present: async () => (await exists(dbPath)) || (await Promise.all(['/usr/bin/rpm', '/bin/rpm'].map(exists))).some(Boolean),
    list: () => listRpm(rpm),
  };
}

/** Picks the first probe present on the target (dpkg before rpm: a Debian with rpm installed keeps dpkg); null when none. */
export async function detectPackages(probes: PackageProbe[]): Promise<PackageDb | null> {
  for (const probe of probes) {
    if (await probe.present()) return { manager: probe.manager, versions: await probe.list() };
  }
  return null;
}
