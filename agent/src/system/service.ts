import { stat } from 'node:fs/promises';
import { isEnabled, showUnit, systemdBooted, type UnitState } from './service-systemd';

/** A service's state as every init system can tell it; null where this init has no such notion. */
export interface ServiceState {
  /** The unit or script the state was read from, for evidence. */
  source: string;
  running: boolean;
  enabled: boolean;
  /** systemd only. */
  masked: boolean | null;
  /** Seconds since it last started, null when it is not running (or the init cannot tell). */
  activeSeconds: number | null;
}

/** Reads services through one init system (goss's system/service_*.go); picked once per run by detectServices. */
export interface ServiceProbe {
  init: 'systemd' | 'sysv' | 'openrc';
  /** Whether this target runs that init. */
  present(): Promise<boolean>;
  /** One service's state; rejects when the init's tool fails. */
  state(name: string, signal: AbortSignal): Promise<ServiceState>;
}

/** The state systemd's `systemctl show` gives, in the probe's terms. */
export function fromUnit(u: UnitState): ServiceState {
  return {
    source: u.unit,
    running: u.activeState === 'active',
    enabled: isEnabled(u.unitFileState),
    masked: u.loadState === 'masked' || u.unitFileState.startsWith('masked'),
    activeSeconds: u.activeSeconds,
  };
}

/** systemd, when it is PID 1: one `systemctl show` per unit (memoised by `unit`). */
export function systemdProbe(runDir: string, unit: (name: string, signal: AbortSignal) => Promise<UnitState> = showUnit): ServiceProbe {
  return { init: 'systemd', present: () => systemdBooted(runDir), state: async (name, signal) => fromUnit(await unit(name, signal)) };
}

/** Whether a path is a directory (an init's marker). */
export const isDir = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Picks the first init present (systemd, then OpenRC, then SysV scripts); null when the target has none of them. */
export async function detectServices(probes: ServiceProbe[]): Promise<ServiceProbe | null> {
  for (const probe of probes) if (await probe.present()) return probe;
  return null;
}
