import { posix } from 'node:path';
import { EXTRA_CA, MOVED_EXTRA_CA } from '../../../agent/src/extra-ca';
import { t, type Lang } from '../core/i18n';

/** Oldest Node major the bundled agent runs on. */
export const MIN_NODE_MAJOR = 18;

/** Exit status and stderr marker of the launcher when the target has no `node` in its PATH. */
export const NO_NODE = { code: 90, marker: 'tssr-lab-launcher: no-node' } as const;
/** Exit status and stderr marker of the launcher when the agent file for this hash is absent. */
export const NO_AGENT = { code: 91, marker: 'tssr-lab-launcher: no-agent' } as const;
/** Exit status and stderr marker of the launcher when `--sudo` is asked and the target has no sudo. */
export const NO_SUDO = { code: 92, marker: 'tssr-lab-launcher: no-sudo' } as const;

/** The agent's place relative to the home folder, where both exec and SFTP start: `.cache/tssr-lab/agent-<hash>.js`. */
export function agentRelativePath(hash: string): { dir: string; file: string } {
  if (!/^[0-9a-f]+$/.test(hash)) throw new Error(`bad agent hash ${hash}`);
  const dir = posix.join('.cache', 'tssr-lab');
  return { dir, file: posix.join(dir, `agent-${hash}.js`) };
}

/** Where the agent lives on a target: `~/.cache/tssr-lab/agent-<hash>.js`. */
export function remoteAgentPath(home: string, hash: string): { dir: string; file: string } {
  const rel = agentRelativePath(hash);
  return { dir: posix.join(home, rel.dir), file: posix.join(home, rel.file) };
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * One remote command that replaces the old version probe, the SFTP stat and the agent exec: it reports a missing
 * `node` or a missing agent file by exit status and marker, else becomes the agent. POSIX sh; the path is hex.
 */
export function launcherCommand(hash: string, sudo = false): string {
  const file = quote(agentRelativePath(hash).file);
  // With sudo: `-n` never prompts (no terminal here), and absolute paths so that a sudoers rule can name the command.
  const run = sudo
    ? [
        `command -v sudo >/dev/null 2>&1 || { echo '${NO_SUDO.marker}' >&2; exit ${NO_SUDO.code}; }`,
        `exec sudo -n -- "$(command -v node)" "$PWD"/${file} serve`,
      ]
    : [`exec node ${file} serve`];
  return [
    'cd',
    // NODE_EXTRA_CA_CERTS moved aside, as bin/tssr-lab does: Node parses it at start-up, the agent only when it needs it.
    `[ -z "\${${EXTRA_CA}:-}" ] || { ${MOVED_EXTRA_CA}=$${EXTRA_CA}; export ${MOVED_EXTRA_CA}; unset ${EXTRA_CA}; }`,
    `command -v node >/dev/null 2>&1 || { echo '${NO_NODE.marker}' >&2; exit ${NO_NODE.code}; }`,
    `[ -f ${file} ] || { echo '${NO_AGENT.marker}' >&2; exit ${NO_AGENT.code}; }`,
    ...run,
  ].join('; ');
}

/** What went wrong before the agent spoke: no node, no agent file, no sudo, or sudo refusing without a password. */
export type LauncherVerdict = 'no-node' | 'no-agent' | 'no-sudo' | 'sudo-refused';

/** The launcher's verdict from an exec that printed nothing on stdout. */
export function launcherVerdict(code: number | null, stderr: string, sudo = false): LauncherVerdict | undefined {
  if (code === NO_NODE.code && stderr.includes(NO_NODE.marker)) return 'no-node';
  if (code === NO_AGENT.code && stderr.includes(NO_AGENT.marker)) return 'no-agent';
  if (sudo && code === NO_SUDO.code && stderr.includes(NO_SUDO.marker)) return 'no-sudo';
  // sudo's own refusals ("a password is required", "a terminal is required", not in sudoers) all start with "sudo:".
  if (sudo && code === 1 && /^sudo: /m.test(stderr)) return 'sudo-refused';
  return undefined;
}

/** Node's major version from `v20.1.0` or `20.1.0`; NaN when unreadable. */
export function nodeMajor(version: string): number {
  return Number(/^v?(\d+)\./.exec(version.trim())?.[1] ?? NaN);
}

/** The error shown when a target has no usable Node, with the install commands per family. */
export function nodeMissingMessage(lang: Lang, target: string, found?: string): string {
  const what = found ? t(lang, 'ssh.nodeOld', target, found, MIN_NODE_MAJOR) : t(lang, 'ssh.nodeMissing', target);
  return t(lang, 'ssh.nodeInstall', what);
}

/** The remote command that runs a script read on stdin as root: directly as root, else through `sudo -n` (no prompt over exec). */
export function scriptCommand(user: string): string {
  return user === 'root' ? 'bash -s' : 'sudo -n bash -s';
}

/** The `node` field of a `hello` line, if the line is one. */
export function helloNode(line: string): string | undefined {
  try {
    const ev = JSON.parse(line) as { event?: string; node?: unknown };
    return ev.event === 'hello' && typeof ev.node === 'string' ? ev.node : undefined;
  } catch {
    return undefined;
  }
}
