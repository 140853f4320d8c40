import { lstat } from 'node:fs/promises';
import { isDir, type ServiceProbe } from './service';

/** The runlevels whose members start at boot. */
const BOOT_RUNLEVELS = ['sysinit', 'boot', 'default'];

/**
 * OpenRC (Alpine, Gentoo): running when /run/openrc/started/<name> exists (its age is the time since the start);
 * enabled when the service sits in the sysinit, boot or default runlevel. Read from files: no rc-service fork.
 */
export function openrcProbe(root: string): ServiceProbe {
  return {
    init: 'openrc',
    present: () => isDir(`${root}/run/openrc`),
    state: async (name) => {
      const started = await lstat(`${root}/run/openrc/started/${name}`).catch(() => null);
      const levels = await Promise.all(
        BOOT_RUNLEVELS.map((l) =>
          lstat(`${root}/etc/runlevels/${l}/${name}`).then(
            () => true,
            () => false,
          ),
        ),
      );
      return {
        source: `${root}/etc/init.d/${name}`,
        running: started !== null,
        enabled: levels.some(Boolean),
        masked: null,
        activeSeconds: started ? Math.max(0, Math.floor((Date.now() - started.mtimeMs) / 1000)) : null,
      };
    },
  };
}
