import { childProcess } from '../lazy';
import { stat } from 'node:fs/promises';
import { childEnv } from '../child-env';

/** What `systemctl show` says of one unit. */
export interface UnitState {
  unit: string;
  loadState: string;
  activeState: string;
  subState: string;
  unitFileState: string;
  /** Seconds since the unit last entered the active state, or null when it is not active. */
  activeSeconds: number | null;
}

/** The properties read, in one `systemctl show` call per unit. */
export const SHOW_PROPERTIES = ['Id', 'LoadState', 'ActiveState', 'SubState', 'UnitFileState', 'ActiveEnterTimestampMonotonic'];

/** UnitFileState values for which `systemctl is-enabled` exits 0 (systemctl(1)). */
const ENABLED_STATES = new Set(['enabled', 'enabled-runtime', 'static', 'alias', 'indirect', 'generated', 'transient']);

/** Whether a unit file state counts as enabled, as `systemctl is-enabled` decides. */
export function isEnabled(unitFileState: string): boolean {
  return ENABLED_STATES.has(unitFileState);
}

/** Whether systemd runs this system: sd_booted(3) tests for /run/systemd/system. */
export async function systemdBooted(runDir = '/run/systemd/system'): Promise<boolean> {
  return stat(runDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Parses `systemctl show` output (`Key=value` lines); `nowMonotonicUs` is CLOCK_MONOTONIC in microseconds. */
export function parseShow(unit: string, text: string, nowMonotonicUs: bigint): UnitState {
  const p = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) p.set(line.slice(0, eq), line.slice(eq + 1));
  }
  if (!p.has('LoadState') || !p.has('ActiveState')) throw new Error(`unexpected systemctl output: ${text.slice(0, 200)}`);
  const enteredUs = /^\d+$/.test(p.get('ActiveEnterTimestampMonotonic') ?? '') ? BigInt(p.get('ActiveEnterTimestampMonotonic')!) : 0n;
  const active = p.get('ActiveState') === 'active' && enteredUs > 0n;
  return {
    unit: p.get('Id') || unit,
    loadState: p.get('LoadState')!,
    activeState: p.get('ActiveState')!,
    subState: p.get('SubState') ?? '',
    unitFileState: p.get('UnitFileState') ?? '',
    activeSeconds: active ? Number((nowMonotonicUs - enteredUs) / 1_000_000n) : null,
  };
}

/** Runs one `systemctl show` (argv array, no shell) for a unit; rejects when systemctl fails or is aborted. */
export function showUnit(unit: string, signal: AbortSignal): Promise<UnitState> {
  const args = ['show', `--property=${SHOW_PROPERTIES.join(',')}`, '--', unit];
  const env = { ...childEnv(), LC_ALL: 'C', SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0' };
  return new Promise((resolve, reject) => {
    childProcess().execFile('systemctl', args, { signal, env, maxBuffer: 64 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      // process.hrtime reads CLOCK_MONOTONIC on Linux, the clock of systemd's *Monotonic timestamps.
      const now = process.hrtime.bigint() / 1000n;
      if (error) return reject(new Error(String(stderr).trim() || error.message));
      try {
        resolve(parseShow(unit, String(stdout), now));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** The blocks of one `systemctl show` for several units: one per unit, in the order asked, separated by a blank line. */
export function splitShow(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** Longest wait for a shared `systemctl show`: past it, each unit is asked alone, under its own check's deadline. */
const BATCH_TIMEOUT_MS = 15_000;

/**
 * One `systemctl show` for several units (one fork instead of one per unit); resolves to each unit's state by the name
 * asked. Rejects when systemctl fails (an invalid name fails the whole call) or answers an unexpected number of blocks:
 * each unit is then asked alone.
 */
export function showUnits(units: string[]): Promise<Map<string, UnitState>> {
  const args = ['show', `--property=${SHOW_PROPERTIES.join(',')}`, '--', ...units];
  const env = { ...childEnv(), LC_ALL: 'C', SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0' };
  const signal = AbortSignal.timeout(BATCH_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    childProcess().execFile('systemctl', args, { signal, env, maxBuffer: 64 * 1024 * units.length, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const now = process.hrtime.bigint() / 1000n;
      if (error) return reject(new Error(String(stderr).trim() || error.message));
      const blocks = splitShow(String(stdout));
      if (blocks.length !== units.length) return reject(new Error(`systemctl show gave ${blocks.length} blocks for ${units.length} units`));
      try {
        resolve(new Map(units.map((u, i) => [u, parseShow(u, blocks[i], now)])));
      } catch (e) {
        reject(e);
      }
    });
  });
}
