import assert from 'node:assert/strict';
import { http } from '../../agent/src/checks/http';
import { kernelParam } from '../../agent/src/checks/kernelParam';
import { service } from '../../agent/src/checks/service';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { kernelParamPath } from '../../agent/src/system/kernel-param';
import { isEnabled, parseShow, type UnitState } from '../../agent/src/system/service-systemd';
import type { HttpOutcome } from '../../agent/src/system/http-client';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('kernelParam check on a fake system', () => {
  const kernelParams = {
    'net.ipv4.ip_forward': { kind: 'value', value: '1' },
    'net.ipv4.tcp_rmem': { kind: 'value', value: '4096 131072 6291456' },
    'kernel.secret': { kind: 'failed', error: 'EACCES' },
  } as const;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a string value', { key: 'net.ipv4.ip_forward', value: '1' }, 'value:pass'],
    ['an integer from YAML', { key: 'net.ipv4.ip_forward', value: 1 }, 'value:pass'],
    ['a wrong value', { key: 'net.ipv4.ip_forward', value: 0 }, 'value:fail'],
    ['blanks compare as one space', { key: 'net.ipv4.tcp_rmem', value: '4096\t131072   6291456' }, 'value:pass'],
    ['a key this kernel lacks fails', { key: 'net.bridge.bridge-nf-call-iptables', value: 1 }, 'value:fail'],
    ['an unreadable key is an error', { key: 'kernel.secret', value: 1 }, 'value:error'],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(kernelParam, { type: 'kernelParam', ...check } as never, fakeSystem({ kernelParams }), regex);
      assert.deepEqual(summary, [expected]);
    });
  }
  it('maps keys to /proc/sys paths and refuses ones that would leave it', () => {
    assert.equal(kernelParamPath('net.ipv4.ip_forward'), '/proc/sys/net/ipv4/ip_forward');
    assert.equal(kernelParamPath('net.ipv4.conf.eth0/100.forwarding'), '/proc/sys/net/ipv4/conf/eth0.100/forwarding');
    for (const bad of ['net..x', 'net./../etc', '', 'a/..']) assert.equal(kernelParamPath(bad), undefined, bad);
  });
});

describe('http check on a fake system', () => {
  const ok = (body: string, extra: Partial<HttpOutcome> = {}): HttpOutcome =>
    ({
      kind: 'response',
      url: 'http://h/',
      status: 200,
      headers: ['content-type: text/html', 'server: nginx'],
      body,
      truncated: false,
      redirects: 0,
      ...extra,
    }) as HttpOutcome;
  const cases: Array<[string, Record<string, unknown>, HttpOutcome, string[]]> = [
    ['status 200 by default', {}, ok('hi'), ['status:pass']],
    ['a 404', { body: ['hi'] }, ok('nope', { status: 404 } as never), ['status:fail', 'body[0]:fail']],
    ['an expected 301', { status: 301, noFollowRedirects: true }, ok('', { status: 301 } as never), ['status:pass']],
    [
      'headers and body',
      { headers: [{ matches: '^server: nginx' }], body: ['<h1>TSSR', { notContains: 'Apache' }] },
      ok('<h1>TSSR</h1>'),
      ['status:pass', 'headers[0]:pass', 'body[0]:pass', 'body[1]:pass'],
    ],
    [
      'refused: the status fails, the rest is skipped',
      { body: ['x'] },
      { kind: 'failed', url: 'http://h/', error: 'ECONNREFUSED' },
      ['status:fail', 'body[0]:skip'],
    ],
    [
      'a truncated body cannot prove an absence',
      { body: [{ notContains: 'secret' }, 'start'] },
      ok('start…', { truncated: true } as never),
      ['status:pass', 'body[0]:error', 'body[1]:pass'],
    ],
  ];
  for (const [name, check, outcome, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(http, { type: 'http', url: 'http://h/', ...check } as never, fakeSystem({ http: () => outcome }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('passes method, headers, body and options to the probe', async () => {
    let seen: unknown;
    const system = fakeSystem({
      http: (req) => {
        seen = req;
        return ok('');
      },
    });
    await runOn(
      http,
      { type: 'http', url: 'https://h/api', method: 'POST', requestHeaders: { 'x-a': '1' }, requestBody: '{}', allowInsecure: true, noFollowRedirects: true },
      system,
      regex,
    );
    assert.deepEqual(seen, {
      url: 'https://h/api',
      method: 'POST',
      headers: { 'x-a': '1' },
      body: '{}',
      followRedirects: false,
      allowInsecure: true,
      maxBody: 1024 * 1024,
    });
  });
  it('passes maxRedirects, caFile and serverName, and basic authentication as a header', async () => {
    let seen: Record<string, unknown> = {};
    const system = fakeSystem({
      http: (req) => {
        seen = req as never;
        return ok('');
      },
    });
    await runOn(
      http,
      {
        type: 'http',
        url: 'https://10.0.0.1/',
        maxRedirects: 3,
        caFile: '/etc/ssl/tssr-ca.pem',
        serverName: 'intranet.tssr.lan',
        username: 'alice',
        password: 's3cret',
      },
      system,
      regex,
    );
    assert.deepEqual(
      [seen.maxRedirects, seen.caFile, seen.serverName, seen.followRedirects, seen.headers],
      [3, '/etc/ssl/tssr-ca.pem', 'intranet.tssr.lan', true, { authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}` }],
    );
    await runOn(http, { type: 'http', url: 'http://h/', maxRedirects: 0 }, system, regex);
    assert.equal(seen.followRedirects, false);
  });
  const failures: Array<[string, Record<string, unknown>, HttpOutcome, string]> = [
    [
      'an untrusted certificate says how to accept a self-signed one',
      {},
      { kind: 'failed', url: 'https://h/', error: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      'http.untrustedCert',
    ],
    [
      'with allowInsecure a TLS error is plain',
      { allowInsecure: true },
      { kind: 'failed', url: 'https://h/', error: 'ERR_SSL_WRONG_VERSION_NUMBER' },
      'http.noResponse',
    ],
    ['a redirect loop', { maxRedirects: 2 }, { kind: 'failed', url: 'https://h/', error: 'ETOOMANYREDIRECTS' }, 'http.tooManyRedirects'],
    ['an unreadable CA file', { caFile: '/nope.pem' }, { kind: 'failed', url: 'https://h/', error: 'ENOENT', caFile: '/nope.pem' }, 'http.caFileUnreadable'],
  ];
  for (const [name, check, outcome, code] of failures) {
    it(name, async () => {
      const { outcomes } = await runOn(http, { type: 'http', url: 'https://h/', ...check }, fakeSystem({ http: () => outcome }), regex);
      assert.deepEqual(
        [outcomes[0].status, outcomes[0].actual, outcomes[0].reason?.code],
        ['fail', { error: outcome.kind === 'failed' ? outcome.error : '' }, code],
      );
    });
  }
  const extended: Array<[string, Record<string, unknown>, HttpOutcome, string[]]> = [
    ['a status matcher', { status: { oneOf: [200, 204] } }, ok(''), ['status:pass']],
    ['a status below 400', { status: { lt: 400 } }, ok('', { status: 302 } as never), ['status:pass']],
    [
      'redirects and the final URL',
      { redirects: 1, finalUrl: { matches: '^https://' } },
      ok('', { redirects: 1, url: 'https://h/' } as never),
      ['status:pass', 'redirects:pass', 'finalUrl:pass'],
    ],
    ['an HTTP page that should have redirected', { finalUrl: { matches: '^https://' } }, ok(''), ['status:pass', 'finalUrl:fail']],
    [
      'no response skips redirects and finalUrl',
      { redirects: 1, finalUrl: 'x' },
      { kind: 'failed', url: 'http://h/', error: 'ECONNREFUSED' },
      ['status:fail', 'redirects:skip', 'finalUrl:skip'],
    ],
  ];
  for (const [name, check, outcome, expected] of extended) {
    it(name, async () => {
      const { summary } = await runOn(http, { type: 'http', url: 'http://h/', ...check } as never, fakeSystem({ http: () => outcome }), regex);
      assert.deepEqual(summary, expected);
    });
  }
});

describe('service check on a fake system', () => {
  const unit = (loadState: string, activeState: string, unitFileState: string, activeSeconds: number | null = null): UnitState => ({
    unit: 'x.service',
    loadState,
    activeState,
    subState: '',
    unitFileState,
    activeSeconds,
  });
  const units = {
    ssh: unit('loaded', 'active', 'enabled', 3600),
    nginx: unit('loaded', 'inactive', 'disabled'),
    'systemd-journald': unit('loaded', 'active', 'static', 10),
    apache2: unit('masked', 'inactive', 'masked'),
    broken: new Error('Failed to connect to bus'),
  };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['a name alone asserts running', { name: 'ssh' }, ['running:pass']],
    ['running and enabled', { name: 'ssh', running: true, enabled: true, masked: false }, ['running:pass', 'enabled:pass', 'masked:pass']],
    ['stopped and disabled', { name: 'nginx', running: true, enabled: true }, ['running:fail', 'enabled:fail']],
    ['static counts as enabled, as systemctl is-enabled says', { name: 'systemd-journald', enabled: true }, ['enabled:pass']],
    ['masked', { name: 'apache2', masked: true, running: false, enabled: false }, ['running:pass', 'enabled:pass', 'masked:pass']],
    ['an unknown unit is not running', { name: 'nope', running: true }, ['running:fail']],
    ['active long enough', { name: 'ssh', activeSince: 60 }, ['activeSince:pass']],
    ['restarted too recently', { name: 'systemd-journald', activeSince: 60 }, ['activeSince:fail']],
    ['activeSince of a stopped unit fails', { name: 'nginx', activeSince: 1 }, ['activeSince:fail']],
    ['a failing systemctl is an error', { name: 'broken', running: true, enabled: true }, ['running:error', 'enabled:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(service, { type: 'service', ...check } as never, fakeSystem({ systemd: true, units }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('without systemd every property is skipped with the reason, and systemctl is never run', async () => {
    const system = fakeSystem({ systemd: false, units });
    const { summary, outcomes } = await runOn(service, { type: 'service', name: 'ssh', running: true, enabled: true }, system, regex);
    assert.deepEqual(summary, ['running:skip', 'enabled:skip']);
    assert.deepEqual(outcomes[0].reason, { code: 'skipped', params: { why: { code: 'service.noInit' } } });
    assert.deepEqual(system.calls, []);
  });
  it('parses systemctl show, and reads enabled as systemctl is-enabled does', () => {
    const text = 'Id=ssh.service\nLoadState=loaded\nActiveState=active\nSubState=running\nUnitFileState=enabled\nActiveEnterTimestampMonotonic=5000000\n';
    assert.deepEqual(parseShow('ssh', text, 65_000_000n), {
      unit: 'ssh.service',
      loadState: 'loaded',
      activeState: 'active',
      subState: 'running',
      unitFileState: 'enabled',
      activeSeconds: 60,
    });
    assert.equal(parseShow('x', 'LoadState=not-found\nActiveState=inactive\nActiveEnterTimestampMonotonic=0\n', 1n).activeSeconds, null);
    assert.throws(() => parseShow('x', 'garbage', 1n), /unexpected systemctl output/);
    assert.deepEqual(['enabled', 'static', 'disabled', 'masked', 'linked', ''].map(isEnabled), [true, true, false, false, false, false]);
  });
});
