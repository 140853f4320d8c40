import assert from 'node:assert/strict';
import { snmp } from '../../agent/src/checks/snmp';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { clientConf, parseNetSnmp, type SnmpOutcome, type SnmpRequest } from '../../agent/src/system/snmp';
import { decodeResponse, encodeOid, encodeRequest, GET } from '../../agent/src/system/snmp-ber';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const values = (varbinds: Array<[string, string | number | null]>): SnmpOutcome => ({
  kind: 'values',
  via: 'net-snmp',
  varbinds: varbinds.map(([oid, value]) => ({ oid, value })),
});

describe('snmp check on a fake system', () => {
  const agent = (req: SnmpRequest): SnmpOutcome => {
    if (req.version === '2c' && req.community !== 'tssr-ro') return { kind: 'timeout' };
    if (req.version === '3' && req.v3?.authPassword !== 'Sup3rvision!')
      return { kind: 'authFailed', detail: `Authentication failure for ${req.v3?.authPassword}` };
    if (req.walk)
      return values([
        ['.1.3.6.1.2.1.2.2.1.2.1', 'lo'],
        ['.1.3.6.1.2.1.2.2.1.2.2', 'eth0'],
      ]);
    if (req.oid === '1.3.6.1.2.1.1.5.0') return values([[`.${req.oid}`, 'srv-tssr']]);
    if (req.oid === '1.3.6.1.2.1.1.3.0') return values([[`.${req.oid}`, 123456]]);
    return { kind: 'values', via: 'node', varbinds: [{ oid: `.${req.oid}`, value: null, exception: 'noSuchObject' }] };
  };
  const base = { type: 'snmp', community: 'tssr-ro' };
  const v3 = { type: 'snmp', version: '3', user: 'supervision', authPassword: 'Sup3rvision!', privPassword: 'Chiffr3ment!' };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['a GET value', { ...base, oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' }, ['value:pass']],
    ['a wrong value', { ...base, oid: '1.3.6.1.2.1.1.5.0', value: 'srv-other' }, ['value:fail']],
    ['a number with a matcher', { ...base, oid: '1.3.6.1.2.1.1.3.0', value: { gt: 100 } }, ['value:pass']],
    ['answers, without a value asserted', { ...base, oid: '1.3.6.1.2.1.1.5.0' }, ['value:pass']],
    ['no such object fails', { ...base, oid: '1.3.6.1.2.1.1.99.0', value: 'x' }, ['value:fail']],
    ['a wrong community times out: fail', { type: 'snmp', oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' }, ['value:fail']],
    ['a walk contains', { ...base, oid: '1.3.6.1.2.1.2.2.1.2', walk: { contains: 'eth0' } }, ['walk:pass']],
    ['a walk length', { ...base, oid: '1.3.6.1.2.1.2.2.1.2', walk: { length: { ge: 3 } } }, ['walk:fail']],
    ['v3 with the right passphrases', { ...v3, oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' }, ['value:pass']],
    ['v3 with a wrong passphrase fails', { ...v3, authPassword: 'wrong-pass', oid: '1.3.6.1.2.1.1.5.0' }, ['value:fail']],
    ['v3 without a user is an error', { type: 'snmp', version: '3', oid: '1.3.6.1.2.1.1.5.0' }, ['value:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(snmp, check as never, fakeSystem({ snmp: agent }), regex);
      assert.deepEqual(summary, expected);
    });
  }

  it('never reports a passphrase or the community, even when the client echoes one', async () => {
    const { outcomes } = await runOn(snmp, { ...v3, authPassword: 'wrong-pass', oid: '1.3.6.1.2.1.1.5.0' } as never, fakeSystem({ snmp: agent }), regex);
    const text = JSON.stringify(outcomes);
    assert.equal(outcomes[0].reason?.code, 'snmp.authFailed');
    for (const secret of ['wrong-pass', 'Chiffr3ment!', 'tssr-ro']) assert.ok(!text.includes(secret), secret);
    const ok = await runOn(snmp, { ...base, oid: '1.3.6.1.2.1.1.5.0', value: 'srv-tssr' } as never, fakeSystem({ snmp: agent }), regex);
    assert.ok(!JSON.stringify(ok.outcomes).includes('tssr-ro'));
  });

  it('passes v3 levels and defaults to the probe', async () => {
    const seen: SnmpRequest[] = [];
    const system = fakeSystem({
      snmp: (r) => {
        seen.push(r);
        return values([['.1.3.6.1.2.1.1.5.0', 'x']]);
      },
    });
    await runOn(snmp, { ...v3, oid: '1.3.6.1.2.1.1.5.0' } as never, system, regex);
    await runOn(snmp, { type: 'snmp', version: '3', user: 'u', authPassword: 'authauth', oid: '1.3.6.1.2.1.1.5.0' } as never, system, regex);
    assert.deepEqual(
      seen.map((r) => [r.host, r.port, r.v3]),
      [
        [
          '127.0.0.1',
          161,
          { user: 'supervision', level: 'authPriv', authProtocol: 'SHA', authPassword: 'Sup3rvision!', privProtocol: 'AES', privPassword: 'Chiffr3ment!' },
        ],
        ['127.0.0.1', 161, { user: 'u', level: 'authNoPriv', authProtocol: 'SHA', authPassword: 'authauth' }],
      ],
    );
  });
});

describe('snmp wire formats', () => {
  it('encodes a v2c GetRequest as net-snmp does', () => {
    const want = '3026 020101 0406 7075626c6963 a019 020101 020100 020100 300e 300c 0608 2b06010201010500 0500';
    assert.equal(encodeRequest(1, 'public', GET, 1, '1.3.6.1.2.1.1.5.0').toString('hex'), hex(want).toString('hex'));
  });
  const cases: Array<[string, string, unknown]> = [
    [
      'an OCTET STRING',
      '3029 020101 0406 7075626c6963 a21c 020101 020100 020100 3011 300f 0608 2b06010201010500 0403 737276',
      { oid: '.1.3.6.1.2.1.1.5.0', value: 'srv' },
    ],
    [
      'a negative INTEGER',
      '3027 020101 0406 7075626c6963 a21a 020101 020100 020100 300f 300d 0608 2b06010201010500 0201ff',
      { oid: '.1.3.6.1.2.1.1.5.0', value: -1 },
    ],
    [
      'a Counter32 past 2^31',
      '302b 020101 0406 7075626c6963 a21e 020101 020100 020100 3013 3011 0608 2b06010201010500 410500ffffffff',
      { oid: '.1.3.6.1.2.1.1.5.0', value: 4294967295 },
    ],
    [
      'an OID value with a multi-byte arc',
      '302d 020101 0406 7075626c6963 a220 020101 020100 020100 3015 3013 0608 2b06010201010200 0607 2b06010401bf08',
      { oid: '.1.3.6.1.2.1.1.2.0', value: '.1.3.6.1.4.1.8072' },
    ],
    [
      'an IpAddress',
      '302a 020101 0406 7075626c6963 a21d 020101 020100 020100 3012 3010 0608 2b06010201010500 4004 7f000001',
      { oid: '.1.3.6.1.2.1.1.5.0', value: '127.0.0.1' },
    ],
    [
      'noSuchInstance',
      '3026 020101 0406 7075626c6963 a219 020101 020100 020100 300e 300c 0608 2b06010201010501 8100',
      { oid: '.1.3.6.1.2.1.1.5.1', value: null, exception: 'noSuchInstance' },
    ],
  ];
  for (const [name, bytes, varbind] of cases) {
    it(`decodes ${name}`, () => {
      const r = decodeResponse(hex(bytes));
      assert.deepEqual([r.requestId, r.errorStatus, r.varbinds], [1, 0, [varbind]]);
    });
  }
  it('refuses garbage and bad OIDs', () => {
    assert.throws(() => decodeResponse(hex('3003020101')), /not an SNMP response|truncated/);
    assert.throws(() => decodeResponse(hex('30ff')), /bad BER length/);
    assert.throws(() => encodeOid('1'), /invalid OID/);
    assert.deepEqual(encodeOid('.1.3.6.1.4.1.8072'), [...hex('0607 2b06010401bf08')]);
  });
  it('parses net-snmp -On -Oq -Ot output and writes its secrets only to snmp.conf', () => {
    const out =
      '.1.3.6.1.2.1.1.5.0 "srv-tssr"\n.1.3.6.1.2.1.1.3.0 152\n.1.3.6.1.2.1.1.2.0 .1.3.6.1.4.1.8072.3.2.10\n.1.3.6.1.2.1.1.99.0 No Such Object available on this agent at this OID\n.1.3.6.1.2.1.1.1.0 "a \\"quoted\\"\nsecond line"\n';
    assert.deepEqual(parseNetSnmp(out), [
      { oid: '.1.3.6.1.2.1.1.5.0', value: 'srv-tssr' },
      { oid: '.1.3.6.1.2.1.1.3.0', value: 152 },
      { oid: '.1.3.6.1.2.1.1.2.0', value: '.1.3.6.1.4.1.8072.3.2.10' },
      { oid: '.1.3.6.1.2.1.1.99.0', value: null, exception: 'noSuchObject' },
      { oid: '.1.3.6.1.2.1.1.1.0', value: 'a "quoted"\nsecond line' },
    ]);
    const req: SnmpRequest = {
      host: 'h',
      port: 161,
      version: '3',
      oid: '1.3',
      walk: false,
      timeoutMs: 1000,
      maxRows: 1,
      v3: { user: 'u', level: 'authPriv', authProtocol: 'SHA', authPassword: 'pass word', privProtocol: 'AES', privPassword: 'p"q' },
    };
    assert.equal(
      clientConf(req),
      'defVersion 3\ndefSecurityName u\ndefSecurityLevel authPriv\ndefAuthType SHA\ndefAuthPassphrase "pass word"\ndefPrivType AES\ndefPrivPassphrase "p\\"q"\n',
    );
    assert.equal(clientConf({ ...req, version: '2c', community: 'tssr-ro' }), 'defVersion 2c\ndefCommunity tssr-ro\n');
  });
});
