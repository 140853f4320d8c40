import assert from 'node:assert/strict';
import { ldap } from '../../agent/src/checks/ldap';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { ldapsearchArgs, type LdapOutcome, type LdapSearch } from '../../agent/src/system/ldap';
import { escapeFilter, normalizeDn, parseLdif } from '../../agent/src/system/ldif';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

const ALICE = `dn: uid=alice,ou=people,dc=tssr,dc=lab
objectClass: inetOrgPerson
objectClass: posixAccount
uid: alice
cn: Alice Martin
description:: w4lxdWlwZSBjb21wdGFiaWxpdMOp
mail: alice@tssr.lab
mail: a.martin@tssr.lab
memberOf: cn=direction,ou=groups,dc=tssr,dc=lab

`;
const GROUPS = 'dn: cn=compta,ou=groups,dc=tssr,dc=lab\ncn: compta\n\ndn: cn=informatique,ou=groups,dc=tssr,dc=lab\ncn: informatique\n\n';

/** A directory answering from LDIF text: alice under ou=people, her groups, and the usual failures. */
function directory(search: LdapSearch): LdapOutcome {
  if (search.uri === 'ldap://down') return { kind: 'unreachable', detail: "Can't contact LDAP server (-1)" };
  if (search.bindDn && search.bindPassword !== 'Adm1n-TSSR') return { kind: 'bindFailed', detail: `Invalid credentials (49) for ${search.bindPassword}` };
  if (!search.base.endsWith('dc=tssr,dc=lab')) return { kind: 'noSuchBase', matched: '' };
  if (search.filter.startsWith('(|(member=')) return { kind: 'entries', entries: parseLdif(GROUPS), truncated: false };
  if (search.filter === '(uid=alice)' || search.filter === '(objectClass=inetOrgPerson)')
    return { kind: 'entries', entries: parseLdif(ALICE), truncated: false };
  return { kind: 'entries', entries: [], truncated: false };
}

describe('ldap check on a fake system', () => {
  const base = { type: 'ldap', base: 'dc=tssr,dc=lab' };
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['an entry exists', { ...base, filter: '(uid=alice)' }, ['exists:pass']],
    ['no such entry', { ...base, filter: '(uid=bob)', attributes: { mail: 'x' } }, ['exists:fail', 'attributes.mail:skip']],
    ['absent as wanted', { ...base, filter: '(uid=bob)', exists: false }, ['exists:pass']],
    ['a missing base means no entry', { type: 'ldap', base: 'dc=other', filter: '(uid=alice)' }, ['exists:fail']],
    [
      'one value compares as text, several as a list',
      {
        ...base,
        filter: '(uid=alice)',
        attributes: { cn: 'Alice Martin', mail: { contains: 'a.martin@tssr.lab' }, objectclass: { contains: 'posixAccount' } },
      },
      ['exists:pass', 'attributes.cn:pass', 'attributes.mail:pass', 'attributes.objectclass:pass'],
    ],
    [
      'base64 values are decoded',
      { ...base, filter: '(uid=alice)', attributes: { description: 'Équipe comptabilité' } },
      ['exists:pass', 'attributes.description:pass'],
    ],
    [
      'an absent attribute is null',
      { ...base, filter: '(uid=alice)', attributes: { loginShell: '/bin/bash', telephoneNumber: null } },
      ['exists:pass', 'attributes.loginShell:fail', 'attributes.telephoneNumber:pass'],
    ],
    ['a count', { ...base, filter: '(objectClass=inetOrgPerson)', count: { ge: 1 } }, ['count:pass']],
    [
      'groups by cn and DN, from member lists and memberOf',
      { ...base, filter: '(uid=alice)', memberOf: ['compta', 'cn=Informatique, ou=groups,dc=tssr,dc=lab', 'direction', 'rh'] },
      ['exists:pass', 'memberOf[0]:pass', 'memberOf[1]:pass', 'memberOf[2]:pass', 'memberOf[3]:fail'],
    ],
    ['a bind with the right password', { ...base, filter: '(uid=alice)', bindDn: 'cn=admin,dc=tssr,dc=lab', bindPassword: 'Adm1n-TSSR' }, ['exists:pass']],
    [
      'a refused bind fails',
      { ...base, filter: '(uid=alice)', bindDn: 'cn=admin,dc=tssr,dc=lab', bindPassword: 'wrong', attributes: { cn: 'x' } },
      ['exists:fail', 'attributes.cn:fail'],
    ],
    ['an unreachable directory fails', { ...base, uri: 'ldap://down', filter: '(uid=alice)' }, ['exists:fail']],
  ];
  for (const [name, check, expected] of cases) {
    it(name, async () => {
      const { summary } = await runOn(ldap, check as never, fakeSystem({ ldap: directory }), regex);
      assert.deepEqual(summary, expected);
    });
  }
  it('never reports the bind password, and says what to do without ldapsearch', async () => {
    const { outcomes } = await runOn(
      ldap,
      { ...base, filter: '(uid=alice)', bindDn: 'cn=admin,dc=tssr,dc=lab', bindPassword: 'wrong' } as never,
      fakeSystem({ ldap: directory }),
      regex,
    );
    assert.equal(outcomes[0].reason?.code, 'ldap.bindFailed');
    assert.ok(!JSON.stringify(outcomes).includes('wrong'), JSON.stringify(outcomes));
    const none = await runOn(ldap, { ...base } as never, fakeSystem({}), regex);
    assert.deepEqual(
      none.outcomes.map((o) => `${o.status}:${o.reason?.code}`),
      ['error:ldap.noClient'],
    );
  });
  it('looks groups up with the entry DN and uid escaped', async () => {
    const seen: string[] = [];
    const system = fakeSystem({
      ldap: (s) => {
        seen.push(s.filter);
        return { kind: 'entries', entries: parseLdif('dn: uid=a*b,dc=x\nuid: a(b)\n'), truncated: false };
      },
    });
    await runOn(ldap, { type: 'ldap', base: 'dc=x', filter: '(uid=a\\2ab)', memberOf: ['g'] } as never, system, regex);
    assert.equal(seen[1], '(|(member=uid=a\\2ab,dc=x)(uniqueMember=uid=a\\2ab,dc=x)(memberUid=a\\28b\\29))');
  });
});

describe('LDIF and ldapsearch arguments', () => {
  it('unfolds lines, decodes base64 and groups attributes by lower-case name', () => {
    const entries = parseLdif('dn: cn=long,dc=x\ndescription: a long\n  value\nCN: long\ncn:: w6k=\n\n# comment\ndn:: Y249w6ksZGM9eA==\n');
    assert.deepEqual(entries, [
      { dn: 'cn=long,dc=x', attributes: { description: ['a long value'], cn: ['long', 'é'] } },
      { dn: 'cn=é,dc=x', attributes: {} },
    ]);
  });
  it('escapes filter values and compares DNs', () => {
    assert.equal(escapeFilter('a*(b)\\'), 'a\\2a\\28b\\29\\5c');
    assert.equal(normalizeDn('CN=Compta, OU=Groups,DC=tssr, DC=lab'), 'cn=compta,ou=groups,dc=tssr,dc=lab');
  });
  it('puts the password file, never the password, on the command line', () => {
    const s: LdapSearch = {
      uri: 'ldap://127.0.0.1:389',
      base: 'dc=x',
      scope: 'sub',
      filter: '(uid=a)',
      attributes: ['*'],
      bindDn: 'cn=admin,dc=x',
      bindPassword: 'Adm1n',
      timeoutMs: 10_000,
      sizeLimit: 1000,
    };
    const args = ldapsearchArgs(s, '/tmp/p/pass');
    assert.deepEqual(args, [
      '-x',
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-o',
      'nettimeout=5',
      '-l',
      '5',
      '-z',
      '1000',
      '-H',
      'ldap://127.0.0.1:389',
      '-b',
      'dc=x',
      '-s',
      'sub',
      '-D',
      'cn=admin,dc=x',
      '-y',
      '/tmp/p/pass',
      '(uid=a)',
      '*',
    ]);
    assert.ok(!args.includes('Adm1n'));
  });
});
