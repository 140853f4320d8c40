import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results } from '../helpers/agent';

/** A user listed as a member of some group in /etc/group (supplementary membership), with that group's name and gid. */
function memberOfSomeGroup(): { user: string; group: string; gid: number } | undefined {
  const users = new Set(
    readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((l) => l.split(':')[0]),
  );
  for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
    const [group, , gid, members] = line.split(':');
    const user = (members ?? '').split(',').find((m) => m && m !== 'root' && users.has(m));
    if (user) return { user, group, gid: Number(gid) };
  }
  return undefined;
}

describe('runAs on this machine (real users, a real folder)', function () {
  const member = memberOfSomeGroup();
  let base = '';
  let compta = '';
  before(function () {
    if (process.getuid?.() !== 0) this.skip();
    base = mkdtempSync(join(tmpdir(), 'tssr-runas-'));
    chmodSync(base, 0o755);
    compta = join(base, 'compta');
    mkdirSync(compta);
    // root:<group> 0770, as a trainer sets up /srv/compta: the group's members may write, nobody else may even read.
    if (member) chownSync(compta, 0, member.gid);
    chmodSync(compta, 0o770);
  });
  after(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('a member of the folder’s group can write in it (supplementary groups are kept)', async function () {
    if (!member) this.skip();
    const rs = results(await runAgent(request([{ type: 'command', runAs: member!.user, exec: ['touch', join(compta, 'probe')], exitStatus: 0 }])));
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['exitStatus:pass'],
      JSON.stringify(rs),
    );
  });

  it('nobody cannot read it: the exit status is not 0', async () => {
    const rs = results(
      await runAgent(request([{ type: 'command', runAs: 'nobody', exec: ['ls', compta], exitStatus: { not: 0 }, stderr: [{ matches: 'denied|refusée' }] }])),
    );
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['exitStatus:pass', 'stderr[0]:pass'],
      JSON.stringify(rs),
    );
  });

  it('runs with the user’s ids, groups and a clean environment', async () => {
    const rs = results(
      await runAgent(
        request([
          {
            type: 'command',
            runAs: 'nobody',
            exec: ['sh', '-c', 'id -u; echo "$USER $HOME"; env | cut -d= -f1 | sort | tr "\\n" " "'],
            stdout: [{ matches: '^65534$' }, { matches: '^nobody /' }, { matches: '^HOME (LANG )?(LC_ALL )?LOGNAME PATH (PWD )?SHELL SHLVL (TZ )?USER $' }],
          },
        ]),
      ),
    );
    assert.deepEqual(
      rs.map((r) => r.status),
      ['pass', 'pass', 'pass'],
      JSON.stringify(rs),
    );
  });

  it('a missing program as another user is an error, not a failed exit status', async () => {
    const rs = results(await runAgent(request([{ type: 'command', runAs: 'nobody', exec: ['/nonexistent/tssr'], exitStatus: 0 }])));
    assert.deepEqual(
      rs.map((r) => `${r.property}:${r.status}`),
      ['exec:error', 'exitStatus:skip'],
      JSON.stringify(rs),
    );
  });

  it('an unknown user is an error that names it', async () => {
    const rs = results(await runAgent(request([{ type: 'command', runAs: 'tssr-no-such-user', exec: ['true'], exitStatus: 0 }])));
    assert.equal(rs[0].status, 'error');
    assert.match(rs[0].message, /tssr-no-such-user/);
  });
});
