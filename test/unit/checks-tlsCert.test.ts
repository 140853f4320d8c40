import assert from 'node:assert/strict';
import { tlsCert } from '../../agent/src/checks/tlsCert';
import { RegexEngine } from '../../agent/src/matchers/regex';
import type { CertFacts, CertOutcome, KeyOutcome } from '../../agent/src/system/tls-cert';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

const DAY = 86_400_000;
const cert = (over: Partial<CertFacts> = {}): CertOutcome => ({
  kind: 'cert',
  cert: {
    subject: 'intranet.tssr.lan',
    issuer: 'TSSR CA',
    san: ['intranet.tssr.lan', '192.168.10.20'],
    notBefore: Date.now() - 10 * DAY,
    notAfter: Date.now() + 90.5 * DAY,
    selfSigned: false,
    pem: 'PEM',
    ...over,
  },
});

describe('tlsCert check on a fake system', () => {
  const certificates: Record<string, CertOutcome> = {
    '/etc/ssl/certs/intranet.pem': cert(),
    '/etc/ssl/certs/old.pem': cert({ notAfter: Date.now() - 2.5 * DAY, selfSigned: true, issuer: 'intranet.tssr.lan' }),
    '/etc/ssl/certs/bad.pem': { kind: 'failed', error: 'EBADPEM' },
    '/etc/ssl/private/secret.pem': { kind: 'failed', error: 'EACCES' },
    'intranet.tssr.lan:443': cert({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
  };
  const keys: Record<string, KeyOutcome> = {
    '/etc/ssl/private/intranet.key': { kind: 'checked', matches: true },
    '/etc/ssl/private/other.key': { kind: 'checked', matches: false },
    '/etc/ssl/private/root-only.key': { kind: 'failed', error: 'EACCES' },
  };
  const file = '/etc/ssl/certs/intranet.pem';
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['a path alone proves a certificate is there', { path: file }, ['certificate:pass']],
    [
      'subject, issuer and SAN',
      { path: file, subject: 'intranet.tssr.lan', issuer: 'TSSR CA', san: ['192.168.10.20', 'intranet.tssr.lan'] },
      ['subject:pass', 'issuer:pass', 'san:pass'],
    ],
    ['SAN contains', { path: file, san: { contains: 'intranet.tssr.lan' } }, ['san:pass']],
    ['a wrong CN', { path: file, subject: 'www.tssr.lan' }, ['subject:fail']],
    [
      'expiry with a margin',
      { path: file, expiresInDays: { gt: 30 }, valid: true, selfSigned: false },
      ['expiresInDays:pass', 'valid:pass', 'selfSigned:pass'],
    ],
    [
      'expired and self-signed',
      { path: '/etc/ssl/certs/old.pem', expiresInDays: { gt: 0 }, valid: true, selfSigned: true },
      ['expiresInDays:fail', 'valid:fail', 'selfSigned:pass'],
    ],
    ['the key matches', { path: file, keyMatches: '/etc/ssl/private/intranet.key' }, ['keyMatches:pass']],
    ['another key', { path: file, keyMatches: '/etc/ssl/private/other.key' }, ['keyMatches:fail']],
    ['a missing key fails', { path: file, keyMatches: '/etc/ssl/private/none.key' }, ['keyMatches:fail']],
    ['a root-only key without root is an error', { path: file, keyMatches: '/etc/ssl/private/root-only.key' }, ['keyMatches:error']],
    ['a missing file fails and skips', { path: '/etc/ssl/certs/none.pem', subject: 'x' }, ['certificate:fail', 'subject:skip']],
    ['not a PEM fails', { path: '/etc/ssl/certs/bad.pem' }, ['certificate:fail']],
    ['an unreadable file without root is an error', { path: '/etc/ssl/private/secret.pem', subject: 'x' }, ['certificate:error', 'subject:skip']],
    ['trusted needs an endpoint', { path: file, trusted: true }, ['trusted:skip']],
    ['a remote endpoint', { address: 'intranet.tssr.lan:443', subject: 'intranet.tssr.lan', trusted: false }, ['subject:pass', 'trusted:pass']],
    ['a remote endpoint the target does not trust', { address: 'intranet.tssr.lan:443', trusted: true }, ['trusted:fail']],
    ['no TLS there', { address: '192.168.10.20:8443', subject: 'x' }, ['certificate:fail', 'subject:skip']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(tlsCert, { type: 'tlsCert', ...check } as never, fakeSystem({ certificates, keys }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('counts whole days left, and says how to read a root-only file', async () => {
    const { outcomes } = await runOn(tlsCert, { type: 'tlsCert', path: file, expiresInDays: 90 }, fakeSystem({ certificates }), regex);
    assert.equal(outcomes[0].actual, 90);
    const denied = await runOn(tlsCert, { type: 'tlsCert', path: '/etc/ssl/private/secret.pem' }, fakeSystem({ certificates }), regex);
    assert.deepEqual(denied.outcomes[0].reason, { code: 'tlsCert.needsRoot', params: { path: '/etc/ssl/private/secret.pem' } });
  });
  it('sends the SNI name to the endpoint', async () => {
    const system = fakeSystem({ certificates });
    await runOn(tlsCert, { type: 'tlsCert', address: '192.168.10.20:443', serverName: 'intranet.tssr.lan' }, system, regex);
    assert.deepEqual(system.calls, ['tls 192.168.10.20:443 intranet.tssr.lan']);
  });
});
