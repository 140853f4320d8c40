import { spawnSync } from 'node:child_process';

/**
 * Runs a bash script as root inside fresh mount, network and PID namespaces: a throw-away "target" where
 * a solution can start daemons and write under /etc without touching this machine. `overlays` get an empty
 * tmpfs, so the target starts from a clean state (after copying what was there when `copy` is set).
 */
export function inFreshTarget(script: string, overlays: Array<{ path: string; copy?: boolean }>, timeoutMs = 60_000): { status: number | null; stdout: string; stderr: string } {
  const mounts = overlays.map(({ path, copy }) => [
    `mkdir -p '${path}'`,
    copy ? `tmp=$(mktemp -d) && cp -a '${path}'/. "$tmp"/` : 'tmp=',
    `mount -t tmpfs tssr-lab '${path}'`,
    copy ? `cp -a "$tmp"/. '${path}'/` : 'true',
  ].join(' && ')).join('\n');
  const body = `set -e\nip link set lo up\n${mounts}\nset +e\n${script}`;
  const r = spawnSync('unshare', ['--mount', '--net', '--pid', '--fork', '--mount-proc', '--propagation', 'private', 'bash', '-c', body], { encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
