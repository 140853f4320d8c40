import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSystem } from '../../agent/src/system';
import { splitShow } from '../../agent/src/system/service-systemd';

const block = (id: string, load: string, active: string): string =>
  `Id=${id}\nLoadState=${load}\nActiveState=${active}\nSubState=dead\nUnitFileState=disabled\nActiveEnterTimestampMonotonic=0\n`;

// A real `systemctl` stand-in first in PATH: it logs each call's unit names and prints one block per unit, as
// systemd's does; with FAIL_BATCH it refuses calls naming several units (as an invalid name makes systemctl do).
const FAKE = `#!/bin/sh
shift 3
echo "$*" >> "$LOG"
if [ -n "$FAIL_BATCH" ] && [ $# -gt 1 ]; then echo 'Unit name x is not valid.' >&2; exit 1; fi
first=1
for u in "$@"; do
  [ $first = 1 ] || echo
  first=0
  case $u in *.*) id=$u ;; *) id=$u.service ;; esac
  if [ "$u" = ghost ]; then load=not-found; else load=loaded; fi
  printf 'Id=%s\\nLoadState=%s\\nActiveState=inactive\\nSubState=dead\\nUnitFileState=disabled\\nActiveEnterTimestampMonotonic=0\\n' "$id" "$load"
done
`;

describe('agent: the units of a run asked of systemd in one systemctl show', () => {
  let dir: string;
  let log: string;
  const saved = { PATH: process.env.PATH, LOG: process.env.LOG, FAIL_BATCH: process.env.FAIL_BATCH };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tssr-units-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'run-systemd'));
    writeFileSync(join(dir, 'bin', 'systemctl'), FAKE);
    chmodSync(join(dir, 'bin', 'systemctl'), 0o755);
    log = join(dir, 'calls.log');
    writeFileSync(log, '');
    process.env.PATH = `${join(dir, 'bin')}:${saved.PATH}`;
    process.env.LOG = log;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const calls = (): string[] => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const signal = new AbortController().signal;

  it('splits the output in one block per unit', () => {
    assert.deepEqual(splitShow(`${block('a.service', 'loaded', 'active')}\n${block('b.service', 'not-found', 'inactive')}`).length, 2);
    assert.deepEqual(splitShow(''), []);
  });

  it('one call for all the units, each answered by the name asked', async () => {
    const system = createSystem({ systemdRun: join(dir, 'run-systemd') });
    system.prefetchUnits?.(['ssh', 'cron', 'ghost', 'ssh']);
    const [ssh, cron, ghost] = await Promise.all(['ssh', 'cron', 'ghost'].map((n) => system.unit(n, signal)));
    assert.deepEqual(calls(), ['ssh cron ghost']);
    assert.equal(ssh.unit, 'ssh.service');
    assert.equal(cron.unit, 'cron.service');
    assert.equal(ghost.loadState, 'not-found');
    // A unit the batch did not name is asked alone.
    assert.equal((await system.unit('nginx', signal)).unit, 'nginx.service');
    assert.deepEqual(calls(), ['ssh cron ghost', 'nginx']);
  });

  it('a refused batch leaves each unit to its own call', async () => {
    process.env.FAIL_BATCH = '1';
    const system = createSystem({ systemdRun: join(dir, 'run-systemd') });
    system.prefetchUnits?.(['ssh', 'cron']);
    assert.equal((await system.unit('ssh', signal)).unit, 'ssh.service');
    assert.equal((await system.unit('cron', signal)).unit, 'cron.service');
    assert.deepEqual(calls(), ['ssh cron', 'ssh', 'cron']);
  });

  it('without systemd, nothing is run', async () => {
    const system = createSystem({ systemdRun: join(dir, 'absent') });
    system.prefetchUnits?.(['ssh', 'cron']);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(calls(), []);
  });
});
