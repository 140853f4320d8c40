import type { Check } from '../../schemas/generated/types';
import type { System } from './system';

/**
 * Starts, at the beginning of a run, the reads of the facts that cost the kernel or the thread pool time: the tcp and udp
 * tables (the kernel walks its connection hash to print them) and the cron sources (a few dozen small files). They
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
  let cron = false;
  for (const c of checks) {
    if (c.type === 'port') protocols.add(c.protocol ?? 'tcp');
    else if (c.type === 'cron') cron = true;
  }
  for (const p of protocols) touch(() => system.listeners(p));
  if (cron) touch(() => system.cron(new AbortController().signal));
}
