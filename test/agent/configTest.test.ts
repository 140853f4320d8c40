import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, results, runAgent } from '../helpers/agent';

const dir = mkdtempSync(join(tmpdir(), 'tssr-ctest-'));
const file = (name: string, text: string, mode = 0o644): string => {
  writeFileSync(join(dir, name), text, { mode });
  return join(dir, name);
};
const installed = (tool: string): boolean => spawnSync('sh', ['-c', 'PATH="$PATH:/usr/sbin:/sbin" command -v "$1"', 'sh', tool]).status === 0;

/** Runs one configTest with the built agent and returns its single result. */
async function validate(check: Record<string, unknown>): Promise<Record<string, any>> {
  const rs = results(await runAgent(request([{ type: 'configTest', ...check }])));
  assert.equal(rs.length, 1);
  return rs[0];
}

describe('agent configTest check with the real validators', () => {
  it('sshd -t: a good file passes, a broken one fails at its line', async () => {
    assert.equal((await validate({ tool: 'sshd', file: file('sshd_ok', 'Port 2222\nPermitRootLogin no\n') })).status, 'pass');
    const bad = file('sshd_bad', 'Port 2222\nPermitRootLogin no\nPermitRootLogn yes\n');
    const r = await validate({ tool: 'sshd', file: bad });
    assert.deepEqual([r.status, r.actual, r.path, r.line, r.reason.code], ['fail', false, bad, 3, 'configTest.invalid']);
    assert.equal((await validate({ tool: 'sshd', file: bad, valid: false })).status, 'pass');
  });

  it('rsyslogd -N1: a broken rule fails at its line', async function () {
    if (!installed('rsyslogd')) this.skip();
    const good = file('rsyslog_ok.conf', `global(workDirectory="${dir}")\n*.* action(type="omfile" file="${dir}/out.log")\n`);
    assert.equal((await validate({ tool: 'rsyslog', file: good })).status, 'pass');
    const bad = file('rsyslog_bad.conf', `global(workDirectory="${dir}")\nmodule(load="imudp")\ninput(type="imudp" port="514"\n*.* @@192.168.10.5:514\n}\n`);
    const r = await validate({ tool: 'rsyslog', file: bad });
    assert.deepEqual([r.status, r.path], ['fail', bad]);
    assert.ok(r.line >= 3 && r.line <= 5, `line ${r.line}`);
  });

  it('visudo -c -f: a sudoers fragment', async function () {
    // sudo is not installed on every test host (the container suite covers it otherwise).
    if (!installed('visudo')) this.skip();
    assert.equal((await validate({ tool: 'visudo', file: file('sudoers_ok', '%compta ALL=(root) /usr/bin/systemctl restart smbd\n', 0o440) })).status, 'pass');
    const bad = file('sudoers_bad', 'alice ALL=(ALL ALL\n', 0o440);
    const r = await validate({ tool: 'visudo', file: bad });
    assert.deepEqual([r.status, r.path, r.line], ['fail', bad, 1]);
  });

  it('a validator that is not installed is an error naming its package', async function () {
    if (installed('kea-dhcp4')) this.skip();
    const r = await validate({ tool: 'keaDhcp4' });
    assert.equal(r.status, 'error');
    assert.deepEqual(r.reason, { code: 'configTest.toolMissing', params: { tool: 'kea-dhcp4', package: 'kea-dhcp4-server' } });
  });
});
