import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Varbind } from './snmp-ber';
import { execTool } from './exec-tool';
import { snmpOverUdp } from './snmp-udp';

/** SNMPv3 credentials (USM). */
export interface SnmpV3 {
  user: string;
  level: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
  authProtocol?: string;
  authPassword?: string;
  privProtocol?: string;
  privPassword?: string;
}

/** One GET or WALK to make. */
export interface SnmpRequest {
  host: string;
  port: number;
  version: '1' | '2c' | '3';
  community?: string;
  v3?: SnmpV3;
  oid: string;
  walk: boolean;
  timeoutMs: number;
  /** Rows of a walk kept; past it the walk stops and says it was cut. */
  maxRows: number;
}

/** What the agent answered, or why there is no answer. */
export type SnmpOutcome =
  | { kind: 'values'; via: 'net-snmp' | 'node'; varbinds: Varbind[]; truncated?: boolean }
  | { kind: 'timeout' }
  | { kind: 'authFailed'; detail: string }
  | { kind: 'noClient' }
  | { kind: 'failed'; error: string };

/** A config token, quoted when it holds blanks (net-snmp reads quoted words). */
const word = (v: string): string => (/[\s"\\]/.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : v);

/**
 * The snmp.conf that carries version and secrets: net-snmp reads it through SNMPCONFPATH, so neither the
 * community nor a passphrase ever appears on a command line (ps shows argv to every user).
 */
export function clientConf(req: SnmpRequest): string {
  const lines = [`defVersion ${req.version}`];
  if (req.version !== '3') lines.push(`defCommunity ${word(req.community ?? 'public')}`);
  const v3 = req.v3;
  if (req.version === '3' && v3) {
    lines.push(`defSecurityName ${word(v3.user)}`, `defSecurityLevel ${v3.level}`);
    if (v3.authProtocol) lines.push(`defAuthType ${v3.authProtocol}`);
    if (v3.authPassword !== undefined) lines.push(`defAuthPassphrase ${word(v3.authPassword)}`);
    if (v3.privProtocol) lines.push(`defPrivType ${v3.privProtocol}`);
    if (v3.privPassword !== undefined) lines.push(`defPrivPassphrase ${word(v3.privPassword)}`);
  }
  return lines.join('\n') + '\n';
}

/** Reads a quoted net-snmp string (backslash escapes); `closed` is false while its closing quote is still to come. */
function unquote(raw: string): { value: string; closed: boolean } {
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length) value += raw[++i];
    else if (raw[i] === '"') return { value, closed: true };
    else value += raw[i];
  }
  return { value, closed: false };
}

function scalar(oid: string, raw: string): Varbind {
  if (raw.startsWith('No Such Object')) return { oid, value: null, exception: 'noSuchObject' };
  if (raw.startsWith('No Such Instance')) return { oid, value: null, exception: 'noSuchInstance' };
  if (raw.startsWith('No more variables')) return { oid, value: null, exception: 'endOfMibView' };
  if (/^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return { oid, value: Number(raw) };
  return { oid, value: raw.startsWith('"') ? unquote(raw).value : raw };
}

/** Parses `-On -Oq -Ot` output: `.oid value` lines; a quoted value may run over several lines. */
export function parseNetSnmp(text: string): Varbind[] {
  const out: Varbind[] = [];
  let open: { oid: string; raw: string } | undefined;
  for (const line of text.split('\n')) {
    if (open) {
      open.raw += `\n${line}`;
      if (unquote(open.raw).closed) {
        out.push(scalar(open.oid, open.raw));
        open = undefined;
      }
      continue;
    }
    const m = /^(\.[\d.]+)(?: (.*))?$/.exec(line);
    if (!m) continue;
    const raw = m[2] ?? '';
    if (raw.startsWith('"') && !unquote(raw).closed) open = { oid: m[1], raw };
    else out.push(scalar(m[1], raw));
  }
  if (open) out.push(scalar(open.oid, open.raw));
  return out;
}

/** GET or WALK with net-snmp's snmpget/snmpwalk; `noClient` when they are not installed. */
async function viaNetSnmp(req: SnmpRequest, signal: AbortSignal): Promise<SnmpOutcome | 'missing'> {
  const dir = await mkdtemp(join(tmpdir(), 'tssr-snmp-'));
  try {
    await writeFile(join(dir, 'snmp.conf'), clientConf(req), { mode: 0o600 });
    // MIBS empty: numeric OIDs only, and none of the "Cannot find module" noise of a MIB-less Debian.
    const env = { SNMPCONFPATH: dir, SNMP_PERSISTENT_DIR: join(dir, 'persist'), MIBS: '', MIBDIRS: join(dir, 'mibs'), HOME: dir };
    const seconds = Math.max(1, Math.floor(req.timeoutMs / 3000));
    const target = `udp${req.host.includes(':') ? '6' : ''}:${req.host.includes(':') ? `[${req.host}]` : req.host}:${req.port}`;
    const args = ['-On', '-Oq', '-Ot', '-t', String(seconds), '-r', '1', target, req.oid];
    const r = await execTool(req.walk ? 'snmpwalk' : 'snmpget', args, { signal, env, maxBytes: 4 * 1024 * 1024 });
    if (r.missing) return 'missing';
    const said = r.stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('Created directory'))
      .join('\n')
      .trim();
    if (/^Timeout/m.test(said)) return { kind: 'timeout' };
    if (/Authentication failure|Unknown user name|Unsupported security level|Decryption error/i.test(said))
      return { kind: 'authFailed', detail: said.slice(0, 300) };
    if (r.code !== 0) return { kind: 'failed', error: said.slice(0, 300) || `exit ${r.code}` };
    const varbinds = parseNetSnmp(r.stdout);
    return { kind: 'values', via: 'net-snmp', varbinds: varbinds.slice(0, req.maxRows), ...(varbinds.length > req.maxRows ? { truncated: true } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** GET or WALK of one OID: net-snmp where installed; else v1/v2c over node:dgram (v3 needs net-snmp). */
export async function snmpQuery(req: SnmpRequest, signal: AbortSignal): Promise<SnmpOutcome> {
  const r = await viaNetSnmp(req, signal);
  if (r !== 'missing') return r;
  return req.version === '3' ? { kind: 'noClient' } : snmpOverUdp(req, signal);
}
