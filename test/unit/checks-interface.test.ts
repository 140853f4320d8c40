import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netInterface } from '../../agent/src/checks/interface';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { readInterface, type InterfaceFacts } from '../../agent/src/system/net-interface';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('interface check on a fake system', () => {
  const interfaces: Record<string, InterfaceFacts> = {
    ens18: {
      kind: 'found',
      state: 'up',
      carrier: true,
      mtu: 1500,
      mac: '52:54:00:12:34:56',
      addrs: ['192.168.10.1/24', '10.0.0.1/8', 'fe80::5054:ff:fe12:3456/64'],
    },
    ens19: { kind: 'found', state: 'down', carrier: false, mtu: 9000, mac: '52:54:00:aa:bb:cc', addrs: [] },
    ens20: { kind: 'found', state: 'down', carrier: false, mtu: 1500, mac: '52:54:00:aa:bb:cd', addrs: { error: 'ENOENT' } },
  };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['a name alone asserts it exists', { name: 'ens18' }, ['exists:pass']],
    ['missing: every asked property is skipped', { name: 'eth9', mtu: 1500, addrs: ['10.0.0.1/8'] }, ['exists:fail', 'mtu:skip', 'addrs:skip']],
    ['absent as wanted', { name: 'eth9', exists: false }, ['exists:pass']],
    [
      'state, carrier, mtu and mac',
      { name: 'ens18', state: 'up', carrier: true, mtu: 1500, mac: '52:54:00:12:34:56' },
      ['exists:pass', 'state:pass', 'carrier:pass', 'mtu:pass', 'mac:pass'],
    ],
    ['a down interface', { name: 'ens19', state: 'up', mtu: { ge: 1500 } }, ['exists:pass', 'state:fail', 'mtu:pass']],
    [
      'addrs as a list are compared in any order',
      { name: 'ens18', addrs: ['fe80::5054:ff:fe12:3456/64', '10.0.0.1/8', '192.168.10.1/24'] },
      ['exists:pass', 'addrs:pass'],
    ],
    ['a list missing one address fails', { name: 'ens18', addrs: ['192.168.10.1/24'] }, ['exists:pass', 'addrs:fail']],
    ['contains one address', { name: 'ens18', addrs: { contains: '192.168.10.1/24' } }, ['exists:pass', 'addrs:pass']],
    ['contains a matcher', { name: 'ens18', addrs: { contains: { matches: '^192\\.168\\.10\\.' } } }, ['exists:pass', 'addrs:pass']],
    ['the wrong prefix length fails', { name: 'ens18', addrs: { contains: '192.168.10.1/16' } }, ['exists:pass', 'addrs:fail']],
    ['no address at all', { name: 'ens19', addrs: { length: 0 } }, ['exists:pass', 'addrs:pass']],
    ['unreadable addresses are an error, not a fail', { name: 'ens20', addrs: [] }, ['exists:pass', 'addrs:error']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(netInterface, { type: 'interface', ...check } as never, fakeSystem({ interfaces }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('a missing interface says which, as data', async () => {
    const { outcomes } = await runOn(netInterface, { type: 'interface', name: 'eth9', mtu: 1500 }, fakeSystem({ interfaces }), regex);
    assert.deepEqual(outcomes[1].reason, { code: 'skipped', params: { why: { code: 'interface.missing', params: { name: 'eth9' } } } });
  });
});

describe('interface facts from a sysfs tree', () => {
  const root = mkdtempSync(join(tmpdir(), 'tssr-sysnet-'));
  const iface = (name: string, files: Record<string, string>): void => {
    mkdirSync(join(root, name));
    for (const [f, v] of Object.entries(files)) writeFileSync(join(root, name, f), `${v}\n`);
  };
  // carrier of a down link: the kernel answers EINVAL, which a missing file stands for here.
  iface('br0', { flags: '0x1002', mtu: '1400', address: '02:00:00:00:00:01' });
  iface('lo', { flags: '0x9', carrier: '1', mtu: '65536', address: '00:00:00:00:00:00' });
  it('reads flags, carrier, mtu and mac', async () => {
    const signal = new AbortController().signal;
    const br0 = await readInterface('br0', signal, root);
    assert.deepEqual([br0.kind === 'found' && br0.state, br0.kind === 'found' && br0.carrier, br0.kind === 'found' && br0.mtu], ['down', false, 1400]);
    assert.deepEqual(await readInterface('nope', signal, root), { kind: 'missing' });
  });
  it('an up interface takes its addresses from the kernel list (loopback here)', async () => {
    const lo = await readInterface('lo', new AbortController().signal, root);
    assert.ok(lo.kind === 'found' && Array.isArray(lo.addrs) && lo.addrs.includes('127.0.0.1/8'), JSON.stringify(lo));
  });
});
