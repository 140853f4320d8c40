import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Outcome of looking a host key up in known_hosts. */
export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked';

/** The name OpenSSH stores for a host: `host` on port 22, `[host]:port` otherwise. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Key type read from an SSH public key blob (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …). */
export function keyTypeOf(blob: Buffer): string {
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('ascii');
}

/** OpenSSH-style fingerprint, `SHA256:…`, to show the user. */
export function fingerprint(blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
    'i',
  );
}

function hostMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const p of field.split(',')) {
    if (p.startsWith('!')) {
      if (wildcard(p.slice(1)).test(name)) return false;
    } else if (wildcard(p).test(name)) matched = true;
  }
  return matched;
}

/** Looks a presented key up in a known_hosts file. A different key of the same type means `changed`. */
export function verifyHostKey(file: string, host: string, port: number, blob: Buffer): HostKeyVerdict {
  if (!existsSync(file)) return 'unknown';
  const name = hostEntryName(host, port);
  const type = keyTypeOf(blob);
  const key = blob.toString('base64');
  let verdict: HostKeyVerdict = 'unknown';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    const marker = f[0].startsWith('@') ? f.shift() : undefined;
    if (f.length < 3 || marker === '@cert-authority' || !hostMatches(f[0], name)) continue;
    if (f[2] === key) {
      if (marker === '@revoked') return 'revoked';
      verdict = 'known';
    } else if (f[1] === type && verdict !== 'known' && marker !== '@revoked') {
      verdict = 'changed';
    }
  }
  return verdict;
}

/** Records a newly accepted key (accept-new), creating the file if needed. */
export function addHostKey(file: string, host: string, port: number, blob: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${hostEntryName(host, port)} ${keyTypeOf(blob)} ${blob.toString('base64')}\n`, { mode: 0o600 });
}
