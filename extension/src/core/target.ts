import { UsageError } from './errors';
import { t, type Lang } from './i18n';

/** Where checks run: this machine, or a host over SSH. */
export type TargetSpec = { kind: 'local' } | { kind: 'ssh'; user: string; host: string; port: number };

/** Parses `local` or `ssh://user@host[:port]` (IPv6 hosts in brackets). */
export function parseTarget(value: string, lang: Lang = 'fr'): TargetSpec {
  if (value === 'local') return { kind: 'local' };
  const m = /^ssh:\/\/([^@/\s]+)@(\[[0-9a-fA-F:]+\]|[^:/\s[\]]+)(?::(\d{1,5}))?\/?$/.exec(value);
  const port = m?.[3] ? Number(m[3]) : 22;
  if (!m || port < 1 || port > 65535) throw new UsageError('BAD_TARGET', t(lang, 'usage.target', value));
  return { kind: 'ssh', user: decodeURIComponent(m[1]), host: m[2].replace(/^\[|\]$/g, ''), port };
}

/** Renders a target for reports and messages. */
export function formatTarget(spec: TargetSpec): string {
  if (spec.kind === 'local') return 'local';
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
  return `ssh://${spec.user}@${host}${spec.port === 22 ? '' : ':' + spec.port}`;
}
