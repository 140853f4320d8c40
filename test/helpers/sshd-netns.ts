import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSshd, type Sshd } from './sshd';

/** An sshd listening on `address` inside network namespace `ns` (the test helper's config, re-targeted). */
export async function startSshdIn(ns: string, address: string): Promise<Sshd> {
  const base = await startSshd();
  // Only the listener goes: its folder (config, keys, known_hosts) serves the one started in the namespace.
  base.process.kill('SIGTERM');
  const cfg = join(base.dir, 'sshd_config');
  writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^ListenAddress .*$/m, `ListenAddress ${address}`));
  const proc = spawn(
    'ip',
    ['netns', 'exec', ns, execFileSync('bash', ['-c', 'command -v sshd || echo /usr/sbin/sshd']).toString().trim(), '-D', '-e', '-f', cfg],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    if (spawnSync('ip', ['netns', 'exec', ns, 'bash', '-c', `exec 3<>/dev/tcp/${address}/${base.port}`]).status === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const known = readFileSync(base.knownHosts, 'utf8').replace(/\[127\.0\.0\.1\]/g, `[${address}]`);
  writeFileSync(base.knownHosts, known);
  return {
    ...base,
    process: proc,
    stop: () => {
      proc.kill('SIGTERM');
      base.stop();
    },
  };
}
