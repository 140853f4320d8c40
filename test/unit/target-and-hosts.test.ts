import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addHostKey, verifyHostKey } from '../../extension/src/core/known-hosts';
import { formatTarget, parseTarget } from '../../extension/src/core/target';

function blob(type: string, seed: string): Buffer {
  const t = Buffer.from(type);
  const k = Buffer.from(seed.padEnd(32, '*'));
  const len = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  return Buffer.concat([len(t.length), t, len(k.length), k]);
}

describe('targets', () => {
  const ok: Array<[string, object]> = [
    ['local', { kind: 'local' }],
    ['ssh://alice@vm1', { kind: 'ssh', user: 'alice', host: 'vm1', port: 22 }],
    ['ssh://root@10.0.0.5:2222', { kind: 'ssh', user: 'root', host: '10.0.0.5', port: 2222 }],
    ['ssh://bob@[fd00::1]:22', { kind: 'ssh', user: 'bob', host: 'fd00::1', port: 22 }],
  ];
  for (const [text, spec] of ok) it(`parses ${text}`, () => assert.deepEqual(parseTarget(text), spec));
  for (const bad of ['ssh://vm1', 'http://a@b', 'ssh://a@b:70000', 'ssh://a@b c']) {
    it(`refuses ${bad} with a usage error`, () => assert.throws(() => parseTarget(bad), /Cible invalide/));
  }
  it('formats back', () => assert.equal(formatTarget(parseTarget('ssh://a@h:2200')), 'ssh://a@h:2200'));
});

describe('known_hosts verification', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-kh-'));
  const key = blob('ssh-ed25519', 'good');
  const other = blob('ssh-ed25519', 'evil');
  const rsa = blob('ssh-rsa', 'rsa');
  const file = join(dir, 'known_hosts');
  const salt = randomBytes(20);
  const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[vm2]:2222').digest('base64')}`;
  writeFileSync(
    file,
    [
      '# comment',
      `vm1,192.0.2.1 ssh-ed25519 ${key.toString('base64')}`,
      `${hashed} ssh-ed25519 ${key.toString('base64')}`,
      `*.lab.example ssh-ed25519 ${key.toString('base64')}`,
      `@revoked vm3 ssh-ed25519 ${other.toString('base64')}`,
      `vm3 ssh-ed25519 ${other.toString('base64')}`,
    ].join('\n'),
  );
  const cases: Array<[string, string, number, Buffer, string]> = [
    ['a plain entry', 'vm1', 22, key, 'known'],
    ['an address in a list', '192.0.2.1', 22, key, 'known'],
    ['a hashed [host]:port entry', 'vm2', 2222, key, 'known'],
    ['a wildcard', 'pc1.lab.example', 22, key, 'known'],
    ['another key of the same type', 'vm1', 22, other, 'changed'],
    ['a host on another port', 'vm1', 2222, key, 'unknown'],
    ['a key of another type only', 'vm1', 22, rsa, 'unknown'],
    ['a revoked key', 'vm3', 22, other, 'revoked'],
    ['an absent host', 'vm9', 22, key, 'unknown'],
  ];
  for (const [name, host, port, k, verdict] of cases) it(`${name} → ${verdict}`, () => assert.equal(verifyHostKey(file, host, port, k), verdict));

  it('records an accepted key as [host]:port', () => {
    const f = join(dir, 'new_known_hosts');
    addHostKey(f, '127.0.0.1', 2200, key);
    assert.match(readFileSync(f, 'utf8'), /^\[127\.0\.0\.1\]:2200 ssh-ed25519 /);
    assert.equal(verifyHostKey(f, '127.0.0.1', 2200, key), 'known');
  });
});
