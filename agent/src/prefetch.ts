import type { Check } from '../../schemas/generated/types';
import type { System } from './system';

/**
 * Starts, at the beginning of a run, the reads of the facts that cost the kernel or the thread pool time: the tcp and udp
 * tables (the kernel walks its connection hash to print them), the cron sources (a few dozen small files) and the
 * systemd units' states (one `systemctl show` for all). They
 * proceed off the main thread while the first checks run, and the checks then find them memoised. Only facts the
 * request's checks will ask for are read, and only read-only ones; a failed read is left for the check to report.
 * Facts read synchronously (the process names, passwd, dpkg) gain nothing here: they cost the main thread either way.
 */
export function prefetch(system: System, checks: Check[]): void {
  const touch = (read: () => Promise<unknown>): void => {
    try {
      read().catch(() => undefined);
    } catch {
      /* a System without this fact (a test's fake): the check reports it */
    }
  };
  const protocols = new Set<'tcp' | 'udp'>();
  const units: string[] = [];
  let cron = false;
  for (const c of checks) {
    if (c.type === 'port') protocols.add(c.protocol ?? 'tcp');
    else if (c.type === 'cron') cron = true;
    else if (c.type === 'service' && typeof c.name === 'string') units.push(c.name);
  }
  for (const p of protocols) touch(() => system.listeners(p));
  if (cron) touch(() => system.cron(new AbortController().signal));
  // One `systemctl show` for every unit the run names, instead of one fork per unit.
  if (units.length > 1) system.prefetchUnits?.(units);
}
