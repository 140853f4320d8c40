import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results } from '../helpers/agent';
import { runArgv } from '../helpers/container';
import { freePort, startDaemon, waitForOutput, type Daemon } from '../helpers/daemon';
import { have, runAgentVia } from '../helpers/netns-exec';

const ADMIN = 'cn=admin,dc=tssr,dc=lab';
const ADMIN_PW = 'Adm1n-TSSR';

const PEOPLE = `dn: dc=tssr,dc=lab
objectClass: dcObject
objectClass: organization
o: TSSR Lab
dc: tssr

dn: ou=people,dc=tssr,dc=lab
objectClass: organizationalUnit
ou: people

dn: ou=groups,dc=tssr,dc=lab
objectClass: organizationalUnit
ou: groups

dn: uid=alice,ou=people,dc=tssr,dc=lab
objectClass: inetOrgPerson
objectClass: posixAccount
uid: alice
cn: Alice Martin
sn: Martin
description:: w4lxdWlwZSBjb21wdGFiaWxpdMOp
mail: alice@tssr.lab
mail: a.martin@tssr.lab
uidNumber: 10001
gidNumber: 10001
homeDirectory: /home/alice
loginShell: /bin/bash
`;

// Added online, so the memberof overlay writes alice's memberOf for the groupOfNames.
const GROUPS = `dn: cn=compta,ou=groups,dc=tssr,dc=lab
objectClass: groupOfNames
cn: compta
member: uid=alice,ou=people,dc=tssr,dc=lab

dn: cn=informatique,ou=groups,dc=tssr,dc=lab
objectClass: posixGroup
cn: informatique
gidNumber: 20000
memberUid: alice
`;

describe('agent ldap check against a real slapd on loopback', function () {
  this.timeout(120_000);
  let slapd: Daemon | undefined;
  let dir = '';
  let uri = '';

  before(async function () {
    // slapd and ldapsearch come from Debian's slapd and ldap-utils (.ci/run installs them).
    if (!have('slapd') || !have('slapadd') || !have('ldapsearch')) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'tssr-slapd-'));
    mkdirSync(join(dir, 'db'));
    const conf = join(dir, 'slapd.conf');
    writeFileSync(
      conf,
      [
        ...['core', 'cosine', 'inetorgperson', 'nis'].map((s) => `include /etc/ldap/schema/${s}.schema`),
        'modulepath /usr/lib/ldap',
        'moduleload back_mdb',
        'moduleload memberof',
        `pidfile ${join(dir, 'slapd.pid')}`,
        'database mdb',
        'suffix "dc=tssr,dc=lab"',
        `rootdn "${ADMIN}"`,
        `rootpw ${ADMIN_PW}`,
        `directory ${join(dir, 'db')}`,
        'overlay memberof',
        'access to attrs=userPassword by self write by anonymous auth by * none',
        'access to * by * read',
      ].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'people.ldif'), PEOPLE);
    const added = await runArgv('slapadd', ['-f', conf, '-l', join(dir, 'people.ldif')]);
    assert.equal(added.code, 0, added.stderr);
    uri = `ldap://127.0.0.1:${await freePort('tcp')}`;
    slapd = startDaemon('slapd', ['-d', '256', '-f', conf, '-h', `${uri}/`]);
    await waitForOutput(slapd, /slapd starting/, 'slapd');
    writeFileSync(join(dir, 'pw'), ADMIN_PW, { mode: 0o600 });
    const online = await runArgv('ldapadd', ['-x', '-H', uri, '-D', ADMIN, '-y', join(dir, 'pw')], GROUPS);
    assert.equal(online.code, 0, online.stderr);
  });
  after(async () => {
    await slapd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (checks: Array<Record<string, unknown>>) =>
    results(await runAgentVia([], request(checks.map((c) => ({ type: 'ldap', uri, base: 'dc=tssr,dc=lab', ...c })))));
  const summary = (rs: Array<Record<string, any>>): string[] =>
    rs.sort((a, b) => a.checkIndex - b.checkIndex).map((r) => `${r.checkIndex}:${r.property}:${r.status}`);

  it('finds an entry with its attributes (base64 decoded) and groups (member, memberUid, memberOf)', async () => {
    const rs = await run([
      {
        filter: '(uid=alice)',
        attributes: { cn: 'Alice Martin', mail: { contains: 'a.martin@tssr.lab' }, description: 'Équipe comptabilité', loginShell: '/bin/bash' },
        memberOf: ['compta', 'informatique', 'cn=compta,ou=groups,dc=tssr,dc=lab', 'rh'],
      },
      { filter: '(uid=alice)', attributes: { memberOf: 'cn=compta,ou=groups,dc=tssr,dc=lab' } },
      { base: 'ou=people,dc=tssr,dc=lab', filter: '(objectClass=inetOrgPerson)', scope: 'one', count: 1 },
      { filter: '(uid=bob)', attributes: { mail: 'bob@tssr.lab' } },
      { filter: '(uid=bob)', exists: false },
      { base: 'ou=nowhere,dc=tssr,dc=lab', filter: '(uid=alice)' },
    ]);
    assert.deepEqual(summary(rs), [
      '0:exists:pass',
      '0:attributes.cn:pass',
      '0:attributes.mail:pass',
      '0:attributes.description:pass',
      '0:attributes.loginShell:pass',
      '0:memberOf[0]:pass',
      '0:memberOf[1]:pass',
      '0:memberOf[2]:pass',
      '0:memberOf[3]:fail',
      '1:exists:pass',
      '1:attributes.memberOf:pass',
      '2:count:pass',
      '3:exists:fail',
      '3:attributes.mail:skip',
      '4:exists:pass',
      '5:exists:fail',
    ]);
  });

  it('binds with a password through a file; a wrong one fails without showing it; a closed port fails', async () => {
    const rs = await run([
      { filter: '(uid=alice)', bindDn: ADMIN, bindPassword: ADMIN_PW },
      { filter: '(uid=alice)', bindDn: ADMIN, bindPassword: 'not-the-password' },
      { uri: `ldap://127.0.0.1:${await freePort('tcp')}`, filter: '(uid=alice)' },
    ]);
    assert.deepEqual(
      rs.sort((a, b) => a.checkIndex - b.checkIndex).map((r) => `${r.checkIndex}:${r.status}:${r.reason?.code}`),
      ['0:pass:pass', '1:fail:ldap.bindFailed', '2:fail:ldap.unreachable'],
    );
    assert.ok(!JSON.stringify(rs).includes('not-the-password'));
    assert.ok(!JSON.stringify(rs).includes(ADMIN_PW));
  });
});
