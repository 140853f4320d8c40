import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIsEncrypted } from '../../extension/src/core/private-key';

describe('private keys: is a passphrase needed?', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-keys-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // Real keys from OpenSSH's ssh-keygen, in its own format and in PEM.
  const key = (name: string, args: string[]): string => {
    const file = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-f', file, ...args], { stdio: 'ignore' });
    return readFileSync(file, 'utf8');
  };

  for (const [name, args, encrypted] of [
    ['ed25519, clear', ['-t', 'ed25519', '-N', ''], false],
    ['ed25519, passphrase', ['-t', 'ed25519', '-N', 'secret phrase'], true],
    ['rsa PEM, clear', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', ''], false],
    ['rsa PEM, passphrase', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', 'secret phrase'], true],
    ['ecdsa PKCS8, passphrase', ['-t', 'ecdsa', '-m', 'PKCS8', '-N', 'secret phrase'], true],
  ] as const) {
    it(`${name}: ${encrypted ? 'needs' : 'needs no'} passphrase`, () => {
      assert.equal(keyIsEncrypted(key(name.replace(/\W+/g, '-'), [...args])), encrypted);
    });
  }

  it('text that is no key needs no passphrase', () => {
    assert.equal(keyIsEncrypted('not a key'), false);
    assert.equal(keyIsEncrypted('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----'), false);
  });
});
