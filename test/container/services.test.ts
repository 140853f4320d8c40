import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../schemas/generated/types';
import { labImage, labUnavailable, runArgv, type Container, Lab } from '../helpers/container';
import { CLI } from '../helpers/paths';

/** Writes an exercise with one critère per check (JSON is YAML) and returns its folder. */
function exercise(checks: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tssr-services-'));
  const criteria = Object.entries(checks).map(([id, check]) => ({ id, title: id, referentiel: 'CCS1.1', points: 1, hint: id, checks: [check] }));
  writeFileSync(
    join(dir, 'exercise.yaml'),
    JSON.stringify({ id: 'services', title: 'services', competences: ['CCS1'], solution: { apply: 'apply.sh' }, criteria }),
  );
  writeFileSync(join(dir, 'apply.sh'), '#!/bin/sh\ntrue\n');
  writeFileSync(join(dir, 'enonce.md'), '# Services\n');
  return dir;
}

describe('container: service, process, group, kernelParam and http checks on a systemd target, over SSH', function () {
  this.timeout(15 * 60_000);
  let lab: Lab | undefined;
  let c: Container;
  let target: string[] = [];

  before(async function () {
    const why = labUnavailable();
    if (why) throw new Error(why);
    lab = await Lab.up((await labImage()).root);
    [c] = await lab.boot('services');
    const ep = await c.sshEndpoint();
    target = ['--target', `ssh://root@127.0.0.1:${ep.port}`, '-i', ep.identityFile, '--known-hosts', ep.knownHosts];
  });
  after(async () => {
    await lab?.down();
  });

  /** Runs the checks with the CLI and the real SSH transport; returns `property:status` lists by critère id. */
  async function check(checks: Record<string, Record<string, unknown>>): Promise<Record<string, string[]>> {
    const r = await runArgv(process.execPath, [CLI, 'check', exercise(checks), '--lang', 'en', '--format', 'json', ...target]);
    assert.ok(r.code === 0 || r.code === 1, `${r.stderr}\n${r.stdout}`);
    const report = JSON.parse(r.stdout) as RunReport;
    return Object.fromEntries(report.criteria.map((k) => [k.id, k.results.map((x) => `${x.property}:${x.status}`)]));
  }

  async function ssh(line: string): Promise<void> {
    const r = await c.ssh(line);
    assert.equal(r.code, 0, `${line}: ${r.stderr}`);
  }

  it('ssh is running and enabled; a masked unit reports masked; sshd runs as root', async () => {
    await ssh('systemctl mask --now snmpd.service');
    const got = await check({
      ssh: { type: 'service', name: 'ssh', running: true, enabled: true, masked: false, activeSince: 0 },
      snmpd: { type: 'service', name: 'snmpd', masked: true, running: false, enabled: false },
      unknown: { type: 'service', name: 'tssr-nothing', running: true },
      sshd: { type: 'process', comm: 'sshd', user: 'root', args: [{ matches: '/usr/sbin/sshd' }] },
      group: { type: 'group', name: 'sudo', gid: 27 },
      ostype: { type: 'kernelParam', key: 'kernel.ostype', value: 'Linux' },
    });
    assert.deepEqual(got, {
      ssh: ['running:pass', 'enabled:pass', 'masked:pass', 'activeSince:pass'],
      snmpd: ['running:pass', 'enabled:pass', 'masked:pass'],
      unknown: ['running:fail'],
      sshd: ['running:pass', 'user:pass', 'args[0]:pass'],
      group: ['exists:pass', 'gid:pass'],
      ostype: ['value:pass'],
    });
  });

  it('nginx stopped, then started: the service, the process and the web page follow', async () => {
    const checks = {
      service: { type: 'service', name: 'nginx', running: true },
      process: { type: 'process', comm: 'nginx', user: 'www-data' },
      page: { type: 'http', url: 'http://127.0.0.1/', status: 200, body: [{ matches: '[Ww]elcome to nginx' }] },
    };
    await ssh('systemctl stop nginx');
    assert.deepEqual(await check(checks), { service: ['running:fail'], process: ['running:fail', 'user:skip'], page: ['status:fail', 'body[0]:skip'] });
    await ssh('systemctl start nginx');
    assert.deepEqual(await check(checks), { service: ['running:pass'], process: ['running:pass', 'user:pass'], page: ['status:pass', 'body[0]:pass'] });
  });
});
