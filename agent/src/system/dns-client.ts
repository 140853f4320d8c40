import type { Resolver } from 'node:dns/promises';

/** One DNS question, asked of `server` (ip or ip:port) or of the system's resolv.conf servers. */
export interface DnsQuery {
  name: string;
  recordType: 'A' | 'AAAA' | 'MX' | 'CNAME' | 'PTR' | 'NS' | 'TXT' | 'SRV';
  server?: string;
  tries: number;
  /** Wait per try, in ms. */
  tryTimeoutMs: number;
}

/** The answers as text (see formatAnswers), the name has no such record (`none`: NXDOMAIN or NODATA), or no usable answer came. */
export type DnsOutcome = { kind: 'answers'; values: string[] } | { kind: 'none'; code: string } | { kind: 'failed'; code: string } | { kind: 'aborted' };

/** c-ares codes meaning "the server answered: no such record". */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA']);

/** Writes answers as dig's short output does, without final dots: `10 mail.tssr.lan`, `0 5 5060 sip.tssr.lan`. */
export function formatAnswers(type: DnsQuery['recordType'], raw: unknown[]): string[] {
  switch (type) {
    case 'MX':
      return (raw as Array<{ priority: number; exchange: string }>).map((r) => `${r.priority} ${r.exchange}`);
    case 'SRV':
      return (raw as Array<{ priority: number; weight: number; port: number; name: string }>).map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name}`);
    case 'TXT':
      return (raw as string[][]).map((chunks) => chunks.join(''));
    default:
      return (raw as string[]).map((s) => s.replace(/\.$/, ''));
  }
}

/** Asks the question; never rejects. An IP address asked as PTR is turned into its reverse name by c-ares. */
export async function askDns(q: DnsQuery, signal: AbortSignal): Promise<DnsOutcome> {
  // Loaded on first use: runs without a dns check never load c-ares' bindings.
  const dns = require('node:dns/promises') as typeof import('node:dns/promises');
  const { isIP } = require('node:net') as typeof import('node:net');
  const resolver: Resolver = new dns.Resolver({ timeout: q.tryTimeoutMs, tries: q.tries });
  try {
    if (q.server) resolver.setServers([q.server]);
  } catch {
    return { kind: 'failed', code: 'EBADSERVER' };
  }
  const cancel = (): void => resolver.cancel();
  signal.addEventListener('abort', cancel);
  try {
    const raw = q.recordType === 'PTR' && isIP(q.name) ? await resolver.reverse(q.name) : await resolver.resolve(q.name, q.recordType);
    return { kind: 'answers', values: formatAnswers(q.recordType, raw as unknown[]) };
  } catch (e) {
    if (signal.aborted) return { kind: 'aborted' };
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return NO_RECORD.has(code) ? { kind: 'none', code } : { kind: 'failed', code };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
